// A resource's type comes from the entity its path leads to; a path segment alone never invents one.
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../lib/contract/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { jwtStack } from './order-refunds.scope.js';

const SPEC = `# Shelves

## API

- \`POST /shelves/{shelfId}/items\`: add an article to a shelf. Fields: \`article_id\` (string, required).
- \`GET /public-shelves\`: list the public shelves.

## Key Entities

- **Shelf**: a user's list of articles. Attributes: \`name\` (string, required), \`is_public\` (boolean).
- **ShelfItem**: one article on a shelf. Attributes: \`shelf_id\` (string), \`article_id\` (string), \`added_at\` (timestamp).
`;

describe('resource types named by the document, not by a path segment', () => {
  it('`/shelves/{shelfId}/items` is the ShelfItem entity and `/public-shelves` a view of Shelf: no Item or PublicShelf type, no question about them', async () => {
    const { artifact, questions } = await buildContract(extractScope(SPEC), { apiStyle: 'rest', title: 'Shelves', serviceName: 'shelves', stack: jwtStack(), location: 'auto' });
    expect(artifact.text).toMatch(/\n {4}ShelfItem:\n/);
    expect(artifact.text).toMatch(/\n {4}Shelf:\n/);
    expect(artifact.text).not.toMatch(/\n {4}(?:Item|PublicShelf):\n/);
    expect(questions.map((question) => question.text).join('\n')).not.toMatch(/\bItem\b|PublicShelf/);
  });

  it('a path whose collection the document names nowhere still asks, under the path’s own name', async () => {
    const { questions } = await buildContract(extractScope('# X\n\n## API\n\n- `GET /gadgets`: list gadgets.\n'), { apiStyle: 'rest', title: 'X', serviceName: 'x', stack: jwtStack(), location: 'auto' });
    expect(questions.map((question) => question.text)).toContain('The fields of Gadget are not stated (no response fields, no `gadgets` table); the contract shows only `id`. What fields does Gadget have?');
  });

  it('two paths that name one type ask about it once', async () => {
    const { questions } = await buildContract(extractScope('# X\n\n## API\n\n- `GET /usuarios`: listar usuarios.\n- `GET /instituciones/usuario`: el usuario de la institución.\n'), { apiStyle: 'rest', title: 'X', serviceName: 'x', stack: jwtStack(), location: 'auto' });
    expect(questions.filter((question) => question.text.startsWith('The fields of Usuario are not stated'))).toHaveLength(1);
  });

  it('an action or one attribute under an item is the row the path names: no ResetPassword, Status or BatchStatus type', async () => {
    const doc = '# X\n\n## API\n\n- `GET /v1/users/{id}`: get a user.\n- `POST /v1/users/{id}/reset-password`: reset the password.\n- `PATCH /v1/users/{id}/status`: enable or disable a user.\n- `POST /v1/users/batch-status`: enable or disable users in bulk.\n- `PUT /v1/users/{id}/profile`: replace the profile.\n\n## Key Entities\n\n- **User**: Attributes: `username` (string), `is_active` (boolean).\n- **Profile**: Attributes: `bio` (string).\n';
    const { artifact, questions } = await buildContract(extractScope(doc), { apiStyle: 'rest', title: 'X', serviceName: 'x', stack: jwtStack(), location: 'auto' });
    expect(artifact.text).not.toMatch(/\n {4}(?:ResetPassword|Status|BatchStatus):\n/);
    expect(artifact.text).toMatch(/\n {4}Profile:\n/);
    expect(questions.map((question) => question.text).join('\n')).not.toMatch(/fields of (?:ResetPassword|Status|BatchStatus)/);
  });
});


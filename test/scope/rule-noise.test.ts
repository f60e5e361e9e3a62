// Sentences that mention access words without stating an access rule, seen in
// real spec-kit and Kiro documents: none of them may name a role or an owner.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

/** The authz rules a one-rule document yields for `sentence`. */
function rulesFor(sentence: string) {
  const doc = `# S\n\n## API / Data contracts\n\n- \`GET /v1/notes\` lists notes.\n- \`PATCH /v1/notes/{noteId}\` edits a note.\n\n## Rules\n\n- ${sentence}\n`;
  return extractScope(doc).authz.map(({ roles, ownership }) => ({ roles, ownership }));
}

describe('no rule from words that only look like one', () => {
  it.each([
    ['a cookie’s attributes', 'Send the session secret only in a `Secure`, `HttpOnly`, `SameSite=Lax` cookie (omit `Secure` only on local HTTP).'],
    ['a branch name', 'CI deploys only a passing `main` commit.'],
    ['a field named in code', 'The list shows only notes whose `tags` array contains the selected tag.'],
  ])('%s', (_what, sentence) => {
    expect(rulesFor(sentence).flatMap((rule) => rule.roles)).toEqual([]);
  });

  it('"its own" is a thing’s own value, and "two users create" counts callers', () => {
    expect(rulesFor('A supplementary note can expire according to its own expires_at timestamp.').map((rule) => rule.ownership)).not.toContain('own expires_at');
    expect(rulesFor('Tested by having two users create notes; neither can access the other’s notes.').map((rule) => rule.ownership)).not.toContain('own two');
  });

  it('自己的 takes the noun, not the rest of the clause', () => {
    expect(rulesFor('允許使用者更改自己的密碼和姓名').map((rule) => rule.ownership)).toContain('自己的密碼');
  });
});

describe('rules stated with a code span or "own" still read', () => {
  it.each([
    ['Only `support` may list notes.', ['support']],
    ['Editing notes is restricted to `auditor` only.', ['auditor']],
  ])('%s', (sentence, roles) => {
    expect(rulesFor(sentence).flatMap((rule) => rule.roles)).toEqual(roles);
  });

  it('"their own notes" is ownership', () => {
    expect(rulesFor('Members can edit their own notes.').map((rule) => rule.ownership)).toContain('own notes');
  });
});

describe('rules over a class of operations and upper-case role names', () => {
  const doc = (rule: string) => `# S\n\n## API\n\n- \`POST /v1/tags\` creates a tag.\n- \`GET /v1/tags\` lists tags.\n- \`GET /v1/tags/{id}\` returns a tag.\n- \`DELETE /v1/tags/{id}\` deletes a tag.\n- \`PUT /v1/notes/{id}/tags\` replaces a note's tags.\n\n## Security\n\n${rule}\n`;

  it('"write operations on `/v1/tags` … require `ADMIN` or `EDITOR` role. Read operations (`GET`) are public."', () => {
    const rules = extractScope(doc('Write operations on `/v1/tags` and `PUT /v1/notes/{id}/tags` require `ADMIN` or `EDITOR` role. Read operations (`GET`) are public.')).authz;
    const writers = rules.find((rule) => rule.roles.length);
    expect(writers?.roles).toEqual(['ADMIN', 'EDITOR']);
    expect(writers?.operations.sort()).toEqual(['DELETE /v1/tags/{id}', 'POST /v1/tags', 'PUT /v1/notes/{id}/tags']);
    const readers = rules.find((rule) => rule.public);
    expect(readers?.operations.sort()).toEqual(['GET /v1/tags', 'GET /v1/tags/{id}']);
  });

  it('an upper-case value in a sentence that names no role is not a role', () => {
    expect(extractScope(doc('Only `PENDING` tags can be deleted.')).authz.flatMap((rule) => rule.roles)).toEqual([]);
  });
});

describe('an operation’s inputs against its own path', () => {
  it('drops a query or body field that repeats a path parameter, and empty brackets from a summary', () => {
    const scope = extractScope('# S\n\n## API\n\n### Create Tag (POST /v1/tags)\n\nCreates one.\n\n- `PUT /v1/tags/{id}` renames a tag. Body: `id`, `name`.\n- `DELETE /v1/tags/{id}` deletes a tag; query: `id`.\n');
    const rename = scope.operations.find((op) => op.method === 'PUT')!;
    expect(rename.requestFields.map((field) => field.name)).toEqual(['name']);
    expect(scope.operations.find((op) => op.method === 'POST')!.summary).toBe('Create Tag');
    expect(scope.operations.find((op) => op.method === 'DELETE')!.queryParams).toEqual([]);
    expect(scope.operations.every((op) => !op.summary?.includes('( )'))).toBe(true);
  });
});

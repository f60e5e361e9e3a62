// A page size the document states ("每页最多 50 条", "at most 50 per page") is the list's maximum
// in every contract style, and in the validation table; other lists keep the catalog's.
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../lib/contract/index.js';
import { buildBackendSpec } from '../../lib/model/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { refundsInput } from '../model/fixtures.js';
import { jwtStack } from './order-refunds.scope.js';

const SPEC = `# Notes

## API

- \`GET /v1/notes\`: list the caller's notes, at most 50 notes per page.
- \`GET /v1/tags\`: list tags.
`;

describe('a stated maximum page size', () => {
  it.each([
    ['- `GET /v1/notes`: list notes, at most 50 per page.', 50],
    ['- `GET /v1/notes`: list notes (max page size: 25).', 25],
    ['- `GET /v1/notes`：列出笔记，每页最多 50 条。', 50],
    ['- `GET /v1/notes`：列出筆記，每頁最多 30 筆。', 30],
    ['- `GET /v1/notes`: lista las notas, máximo 40 por página.', 40],
    ['- `GET /v1/notes`: lista as notas, no máximo 40 por página.', 40],
    ['- `GET /v1/notes`: list notes, paginated.', undefined],
  ])('%s', (line, max) => {
    expect(extractScope(`# X\n\n## API\n\n${line}\n`).operations[0].pageSizeMax).toBe(max);
  });

  it('becomes that list’s limit in OpenAPI, with the default never above it; another list keeps the shared parameter', async () => {
    const { artifact } = await buildContract(extractScope(SPEC), { apiStyle: 'rest', title: 'Notes', serviceName: 'notes', stack: jwtStack(), location: 'auto' });
    expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(artifact.text).toMatch(/\/v1\/notes:\n {4}get:[\s\S]*?- name: limit\n\s+in: query\n\s+description: Page size; values above 50 are clamped to 50\.\n\s+schema:\n\s+type: integer\n\s+minimum: 1\n\s+maximum: 50\n\s+default: 20/);
    expect(artifact.text).toMatch(/\/v1\/tags:\n {4}get:[\s\S]*?\$ref: "#\/components\/parameters\/Limit"/);
    const small = await buildContract(extractScope(SPEC.replace('at most 50', 'at most 10')), { apiStyle: 'grpc', title: 'Notes', serviceName: 'notes', stack: jwtStack(), location: 'auto' });
    expect(small.artifact.text).toContain('Default 10; values above 10 are coerced to 10.');
  });

  it('is the maximum of the limit rule in the validation table', () => {
    const spec = buildBackendSpec(refundsInput({ scope: extractScope(SPEC) }));
    const limits = spec.validation.rules.filter((rule) => rule.field === 'limit').map((rule) => [rule.operation, rule.constraints[1]]);
    expect(limits).toEqual([['GET /v1/notes', '1..50'], ['GET /v1/tags', '1..100']]);
  });
});

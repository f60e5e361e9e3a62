// A route written in a code span with its body fields after it: the fields start after the
// span's closing backtick, so the first field is not swallowed by the route's own span.
// Example document written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';

describe('fields stated after a route in a code span', () => {
  const doc = [
    '# Sprint: labels',
    '',
    '## Requirements',
    '',
    '- `POST /v1/tags` creates a tag. Body: `name`, `color`.',
    '- `GET /v1/tags` lists the tags of the workspace.',
    '',
  ].join('\n');

  it('reads every field named after the span, in order', () => {
    const scope = extractScope(doc);
    const create = scope.operations.find((op) => op.method === 'POST' && op.path === '/v1/tags');
    expect(create?.requestFields.map((field) => field.name)).toEqual(['name', 'color']);
    const list = scope.operations.find((op) => op.method === 'GET' && op.path === '/v1/tags');
    expect(list?.requestFields ?? []).toEqual([]);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

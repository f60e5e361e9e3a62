// The plan step reads what `prepare` found and returns what to write; it never
// changes its input, so everything it concludes reaches the output.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBackendSpec, prepareBackendSpec, type RunContext } from '../../lib/pipeline/backend-spec.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/repos');

const SPEC = `# Sprint 01: books

## API / Data contracts

- \`POST /v1/books\` creates a book: \`title\` (string, required, max 200).
- \`GET /v1/books/{bookId}\` returns one book.
`;

/** A copy of a fixture repository with a sprint to extend. */
function sprintIn(fixture: string): RunContext {
  const root = path.join(tempDir('magi-plan-'), 'repo');
  cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
  writeTree(root, { 'docs/01-books/SPEC.md': SPEC });
  return { root, home: tempDir('magi-home-'), env: {}, toolVersion: '0.0.0-test' };
}

describe('planBackendSpec', () => {
  it('reports that no contract-test template fits, and leaves what prepare found unchanged', async () => {
    // Sinatra has no contract-test template: --scaffold-test cannot write one and must say so.
    const context = sprintIn('sinatra-sequel');
    const prepared = await prepareBackendSpec(context, { skipPreflight: true }, { lock: false });
    const before = JSON.stringify({ warnings: prepared.warnings, questions: prepared.questions, scope: prepared.scope, service: prepared.service });
    const plan = await planBackendSpec(prepared, { apiStyle: 'rest', conflict: 'merge', scaffoldTest: true });

    const warning = plan.report.warnings.find((w) => w.code === 'no-contract-test-template');
    expect(warning?.message).toContain('sinatra');
    expect(plan.report.contractTest).toEqual({ created: false });
    expect(plan.documentAfter).toContain('no-contract-test-template');
    expect(JSON.stringify({ warnings: prepared.warnings, questions: prepared.questions, scope: prepared.scope, service: prepared.service })).toBe(before);
  });
});

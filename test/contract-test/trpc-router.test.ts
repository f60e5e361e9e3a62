// A tRPC sprint has no OpenAPI file: its contract test comes from the procedures
// the document states. Proven end to end: the generated test type-checks, passes
// against a router that validates as the spec says, and fails against one that does not.
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderContractTest } from '../../lib/contract-test/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const SPEC = '# Loans\n\n## Scope\n\n- tRPC `loan.create` with input `{ bookId: string (uuid), dueOn: string (date) }` creates a loan.\n- tRPC `loan.list` query lists my loans.\n';

const INIT = "import { initTRPC } from '@trpc/server';\nconst t = initTRPC.create();\nexport const router = t.router;\nexport const publicProcedure = t.procedure;\n";

/** A router that follows the spec, or (strict = false) one that forgets to require dueOn. */
const router = (strict: boolean): string => [
  "import { z } from 'zod';",
  "import { publicProcedure, router } from './trpc';",
  '',
  'export const appRouter = router({',
  '  loan: router({',
  `    create: publicProcedure.input(z.object({ bookId: z.string().uuid(), dueOn: ${strict ? 'z.string()' : 'z.string().optional()'} })).mutation(({ input }) => ({ id: '1', ...input })),`,
  '    list: publicProcedure.query(() => []),',
  '  }),',
  '});',
  'export type AppRouter = typeof appRouter;',
  '',
].join('\n');

async function project(strict: boolean): Promise<{ dir: string; testFile: string; content: string }> {
  const rendered = await renderContractTest({
    contract: { kind: 'trpc', text: SPEC, path: 'docs/01-loans/SPEC.md', document: extractScope(SPEC).operations },
    framework: 'trpc',
    feature: 'loans',
    testRunner: 'vitest',
    appEntry: 'src/router.ts#appRouter',
  });
  const dir = tempDir('magi-trpc-router-');
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeTree(dir, { 'src/trpc.ts': INIT, 'src/router.ts': router(strict), [rendered.path]: rendered.content, 'package.json': '{"type":"module"}\n' });
  return { dir, testFile: rendered.path, content: rendered.content };
}

function typeErrors(dir: string, file: string): string[] {
  const program = ts.createProgram([path.join(dir, file)], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: [] });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

function runVitest(dir: string): { status: number | null; output: string } {
  writeFileSync(path.join(dir, 'vitest.config.mjs'), 'export default { test: { include: ["tests/**/*.test.ts"] } };\n');
  const result = spawnSync(process.execPath, [path.resolve('node_modules/vitest/vitest.mjs'), 'run', '--root', dir], { encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' }, timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('contract test for a tRPC sprint, from the procedures the document states', () => {
  it('checks each stated input both ways: accepted as stated, refused without a required field', async () => {
    const { content } = await project(true);
    expect(content).toContain("import { appRouter } from '../../src/router.js';");
    expect(content).toContain("await outcome('loan.create', { bookId: '00000000-0000-4000-8000-000000000000', dueOn: '2026-01-01' })");
    expect(content).toContain("it('loan.create refuses an input without dueOn'");
    expect(content).toContain("await outcome('loan.list')");
    expect(content).not.toMatch(/openapi|ajv/i);
  });

  it('type-checks under strict TypeScript with the real @trpc/server, and passes against a router that follows the spec', async () => {
    const { dir, testFile } = await project(true);
    expect(typeErrors(dir, testFile)).toEqual([]);
    const run = runVitest(dir);
    expect(run.output).toMatch(/4 passed/);
    expect(run.status).toBe(0);
  }, 150_000);

  it('fails, naming the case, against a router whose validation drifted from the spec', async () => {
    const { dir } = await project(false);
    const run = runVitest(dir);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/refuses an input without dueOn/);
  }, 150_000);
});

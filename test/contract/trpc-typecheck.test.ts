// The tRPC router outline must type-check under the user's compiler, with the
// real @trpc/server and zod types: a syntax check alone would let `z.strng()` through.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../lib/contract/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { tempDir } from '../helpers/tmp.js';

const SPEC = [
  '# Bookmarks',
  '',
  '## API / Data contracts',
  '',
  '- `bookmark.create` mutation, input `{ url: string (URL), title?: string, tags: string[] (max 10) }`.',
  '- `bookmark.list` query, input `{ limit: 1..100, cursor?: string }`; lists my bookmarks, paginated.',
  '- `bookmark.archive` mutation, input `{ id: string (uuid) }`; must be safe to retry.',
  '',
].join('\n');

/** A tRPC init file as projects write it: `router`, `publicProcedure`, `protectedProcedure`. */
const INIT = [
  "import { initTRPC, TRPCError } from '@trpc/server';",
  'type Context = { user?: { id: string } };',
  'const t = initTRPC.context<Context>().create();',
  'export const router = t.router;',
  'export const publicProcedure = t.procedure;',
  'export const protectedProcedure = t.procedure.use(({ ctx, next }) => {',
  "  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });",
  '  return next({ ctx: { user: ctx.user } });',
  '});',
  '',
].join('\n');

function typeErrors(outline: string): string[] {
  const dir = tempDir('magi-trpc-');
  mkdirSync(path.join(dir, 'src'));
  // The outline resolves @trpc/server and zod from this project's node_modules.
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'src/trpc.ts'), INIT);
  writeFileSync(path.join(dir, 'src/router.ts'), outline);
  const program = ts.createProgram([path.join(dir, 'src/router.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('tRPC router outline', () => {
  it('type-checks with tsc against @trpc/server and zod', async () => {
    const { artifact } = await buildContract(extractScope(SPEC), { apiStyle: 'trpc', title: 'Bookmarks', serviceName: 'bookmarks', location: 'auto' });
    expect(artifact.text).toContain('url: z.url(),');
    expect(artifact.text).toContain('limit: z.number().int().min(1).max(100),');
    // The spec's own paging keys, once each.
    expect(artifact.text.match(/\blimit:/g)).toHaveLength(1);
    expect(typeErrors(artifact.text)).toEqual([]);
  }, 60_000);

  it('the check fails on an outline that would not compile', () => {
    const broken = "import { z } from 'zod';\nimport { router, publicProcedure } from './trpc';\n\nexport const r = router({\n  list: publicProcedure.input(z.object({ limit: z.strng() })).query(() => 1),\n});\n";
    expect(typeErrors(broken).join('\n')).toMatch(/strng/);
  }, 60_000);
});

// Bundles the `magi` bin (dist/bin/magi.js) so a run does not pay for
// resolving and loading hundreds of small modules. Heavy parts stay in lazy
// chunks (only the command that needs them loads them); Yeoman and the prompt
// UI stay external: they are loaded, from node_modules, only for interactive runs.
// Then the rest of what the package ships beside dist/bin: each generator's
// USAGE and the answers files' JSON Schemas.
import { build } from 'esbuild';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

rmSync('dist/bin', { recursive: true, force: true });
await build({
  entryPoints: { magi: 'bin/magi.ts', 'lint-worker': 'bin/lint-worker.ts' },
  outdir: 'dist/bin',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer each package's ESM build, so dynamic imports keep their named exports.
  mainFields: ['module', 'main'],
  target: 'node20',
  external: ['yeoman-environment', 'yeoman-generator', '@yeoman/*', 'mem-fs', 'mem-fs-editor', 'inquirer', '@inquirer/*'],
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __magiRequire } from 'node:module'; const require = __magiRequire(import.meta.url);" },
  legalComments: 'none',
  // Less source for V8 to scan at start-up; names are kept, so DEBUG stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// Yeoman's `--help` reads each generator's USAGE next to its compiled index.js.
for (const name of readdirSync('generators')) {
  const usage = path.join('generators', name, 'USAGE');
  if (existsSync(usage) && existsSync(path.join('dist/generators', name))) copyFileSync(usage, path.join('dist/generators', name, 'USAGE'));
}

// The answers files' JSON Schemas (schema/*.json), from the compiled declarations.
await import('./answers-schema.mjs');

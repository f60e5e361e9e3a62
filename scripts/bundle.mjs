// Bundles the `magi` bin so a run does not pay for resolving and loading
// hundreds of small modules, three times over:
//   dist/bin/main.mjs, lint-worker-main.mjs + chunks/  the ES-module build: heavy
//       parts stay in lazy chunks (only the command that needs them loads them);
//   dist/bin/magi.cjs, lint-worker.cjs  the same entries as one CommonJS script
//       each, which V8 can compile from a code cache (scripts/code-cache.mjs);
//   dist/bin/magi.js, lint-worker.js  small CommonJS launchers that pick one of
//       the two (bin/code-cache.ts).
// Yeoman and the prompt UI stay external: they are loaded, from node_modules,
// only for interactive runs. Then the rest of what the package ships beside
// dist/bin: each generator's USAGE and the answers files' JSON Schemas.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

rmSync('dist/bin', { recursive: true, force: true });
const common = {
  outdir: 'dist/bin',
  bundle: true,
  platform: 'node',
  // Prefer each package's ESM build, so dynamic imports keep their named exports.
  mainFields: ['module', 'main'],
  target: 'node20',
  external: ['yeoman-environment', 'yeoman-generator', '@yeoman/*', 'mem-fs', 'mem-fs-editor', 'inquirer', '@inquirer/*'],
  legalComments: 'none',
  // Less source for V8 to scan at start-up; names are kept, so DEBUG stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: { main: 'bin/magi.ts', 'lint-worker-main': 'bin/lint-worker.ts' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  // dist/bin is a CommonJS folder (its package.json): the ES-module build says what it is by extension.
  outExtension: { '.js': '.mjs' },
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __magiRequire } from 'node:module'; const require = __magiRequire(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: { magi: 'bin/magi.ts', 'lint-worker': 'bin/lint-worker.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // The sources find their files from import.meta.url; in a script that is its own file's URL.
  define: { 'import.meta.url': '__magiUrl' },
  banner: { js: "const __magiUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: { magi: 'bin/magi-launch.ts', 'lint-worker': 'bin/lint-worker-launch.ts' },
  format: 'cjs',
});
// The launchers are CommonJS: Node starts them without its ES-module loader.
writeFileSync('dist/bin/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
chmodSync('dist/bin/magi.js', 0o755);

// Yeoman's `--help` reads each generator's USAGE next to its compiled index.js.
for (const name of readdirSync('generators')) {
  const usage = path.join('generators', name, 'USAGE');
  if (existsSync(usage) && existsSync(path.join('dist/generators', name))) copyFileSync(usage, path.join('dist/generators', name, 'USAGE'));
}

// The answers files' JSON Schemas (schema/*.json), from the compiled declarations.
await import('./answers-schema.mjs');

// V8's code cache for the two scripts, recorded while they run the bundled example.
await import('./code-cache.mjs');

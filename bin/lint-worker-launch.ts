// The lint worker's entry: bin/lint-worker.ts from V8's code cache when the
// build made one for this Node, else its ES-module build. See code-cache.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFromCodeCache } from './code-cache.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// The main thread ends the worker without an exit event: it records its cache after its first lint.
if (!runFromCodeCache(here, 'lint-worker', 'now')) await import(new URL('./lint-worker-main.js', import.meta.url).href);

// The lint worker's entry: bin/lint-worker.ts from V8's code cache when the
// build made one for this Node, else its ES-module build. See code-cache.ts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runFromCodeCache } from './code-cache.js';

// Bundled as CommonJS, as the bin's launcher is.
const here = __dirname;
// The main thread ends the worker without an exit event: it records its cache after its first lint.
if (!runFromCodeCache(here, 'lint-worker', 'now')) void import(pathToFileURL(path.join(here, 'lint-worker-main.mjs')).href);

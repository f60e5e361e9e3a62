#!/usr/bin/env node
// The `magi` bin's entry: the CLI (bin/magi.ts) from V8's code cache when the
// build made one for this Node, else its ES-module build. See code-cache.ts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runFromCodeCache } from './code-cache.js';
import { lintsOnWorker } from './run-plan.js';

// Bundled as CommonJS (dist/bin/package.json): Node starts a CommonJS entry without setting up its
// ES-module loader, about 10 ms of every run.
const here = __dirname;
// The OpenAPI linter's thread takes longest to get ready: for the commands that lint, it starts
// before the CLI itself is read. The CLI adopts it (bin/magi.ts, lintOnSecondCore) or ends it.
const [command = '', ...rest] = process.argv.slice(2);
if (lintsOnWorker(command, rest)) {
  const worker = new Worker(path.join(here, 'lint-worker.js'));
  worker.unref();
  (globalThis as Record<symbol, unknown>)[Symbol.for('generator-magi.lintWorker')] = worker;
}
// A computed specifier: the bundler leaves the ES-module build as a file of its own.
if (!runFromCodeCache(here, 'magi')) void import(pathToFileURL(path.join(here, 'main.mjs')).href);

#!/usr/bin/env node
// The `magi` bin's entry: the CLI (bin/magi.ts) from V8's code cache when the
// build made one for this Node, else its ES-module build. See code-cache.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runFromCodeCache } from './code-cache.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// The OpenAPI linter's thread takes longest to get ready: for the commands that lint, it starts
// before the CLI itself is read. The CLI adopts it (bin/magi.ts, lintOnSecondCore) or ends it.
const [command, ...rest] = process.argv.slice(2);
const help = rest.includes('--help') || rest.includes('-h');
// backend-spec lints on this thread when it asks on a terminal, or runs through Yeoman: no worker then.
const headless = !process.env.MAGI_YEOMAN && (rest.some((arg) => arg === '--answers' || arg.startsWith('--answers=')) || !process.stdin.isTTY);
if (!help && (command === 'check' || (command === 'backend-spec' && headless))) {
  const worker = new Worker(new URL('./lint-worker.js', import.meta.url));
  worker.unref();
  (globalThis as Record<symbol, unknown>)[Symbol.for('generator-magi.lintWorker')] = worker;
}
// A computed specifier: the bundler leaves the ES-module build as a file of its own.
if (!runFromCodeCache(here, 'magi')) await import(new URL('./main.js', import.meta.url).href);

#!/usr/bin/env node
// The `magi` bin's entry: the CLI (bin/magi.ts) from V8's code cache when the
// build made one for this Node, else its ES-module build. See code-cache.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFromCodeCache } from './code-cache.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// A computed specifier: the bundler leaves the ES-module build as a file of its own.
if (!runFromCodeCache(here, 'magi')) await import(new URL('./main.js', import.meta.url).href);

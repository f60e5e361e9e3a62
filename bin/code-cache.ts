// Start-up of the `magi` bin and its lint worker from V8's code cache.
//
// Node 20 has no compile cache for modules (module.enableCompileCache is Node
// 22), so every run compiled the bundle's functions again: about a fifth of a
// run. The build bundles each entry a second time as one CommonJS script and
// records the code V8 compiled while it ran the bundled example (see
// scripts/code-cache.mjs). Here that script is compiled with the recorded code.
//
// The cache is used only on the Node and V8 it was made with; anywhere else,
// or when it is missing, the ES-module build runs, exactly as before. V8 checks
// the cache against the source too, and compiles normally if it refuses it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script, constants } from 'node:vm';
import { debugEnabled } from './run-plan.js';

/** What a cache was made on; it is used only where all of it matches. */
export interface CacheStamp {
  node: string;
  v8: string;
  arch: string;
  platform: string;
}

export function currentStamp(): CacheStamp {
  return { node: process.version, v8: process.versions.v8, arch: process.arch, platform: process.platform };
}

/** Set by scripts/code-cache.mjs: record the compiled code when the run ends. */
const RECORD = 'MAGI_RECORD_CODE_CACHE';

/**
 * Runs `<dir>/<name>.cjs` from its code cache when the cache was made here;
 * returns false (run the ES-module build instead) when it cannot.
 */
export function runFromCodeCache(dir: string, name: string, when: 'exit' | 'now' = 'exit'): boolean {
  const script = path.join(dir, `${name}.cjs`);
  const cache = `${script}.cache`;
  const recording = process.env[RECORD] === '1';
  // MAGI_NO_CODE_CACHE=1 runs the ES-module build (to compare, or to rule the cache out).
  if (!existsSync(script) || process.env.MAGI_NO_CODE_CACHE === '1') return false;
  if (!recording && !stampMatches(`${cache}.json`)) {
    debug(`${name}: no code cache made for Node ${process.version}; running the ES-module build`);
    return false;
  }
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
  const source = readFileSync(script, 'utf8').replace(/^#!.*/, '');
  // CommonJS's own function wrapper, as Node's loader applies it.
  const compiled = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: script,
    cachedData,
    // import() inside the script (Yeoman, the prompts) goes through Node's own ES-module loader.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  debug(`${name}: code cache ${compiled.cachedDataRejected ? 'refused by V8, compiled afresh' : cachedData ? 'used' : 'absent'}`);
  if (recording) recordOnExit(compiled, cache, when);
  // Lent to lib/external-import.ts: import() from this module works where the script's own cannot.
  (globalThis as { __magiImport?: (specifier: string) => Promise<unknown> }).__magiImport = (specifier) => import(specifier);
  const module = { exports: {} };
  compiled.runInThisContext()(module.exports, createRequire(script), module, script, dir);
  return true;
}

/** DEBUG=magi* (as for the rest of the bin) tells which build ran. */
function debug(message: string): void {
  if (debugEnabled()) process.stderr.write(`magi:start ${message}\n`);
}

function stampMatches(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as CacheStamp;
    const here = currentStamp();
    return stamp.node === here.node && stamp.v8 === here.v8 && stamp.arch === here.arch && stamp.platform === here.platform;
  } catch {
    return false;
  }
}

/** The cache holds every function compiled so far, so it is taken as late as possible. */
function recordOnExit(compiled: Script, cache: string, when: 'exit' | 'now'): void {
  const write = (): void => {
    writeFileSync(cache, compiled.createCachedData());
    writeFileSync(`${cache}.json`, `${JSON.stringify(currentStamp())}\n`);
  };
  if (when === 'exit') process.on('exit', write);
  else (globalThis as { __magiRecordCodeCache?: () => void }).__magiRecordCodeCache = write;
}

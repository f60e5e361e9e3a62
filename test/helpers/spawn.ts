// Async runs of the built bin, so independent e2e cases can overlap (spawnSync blocks the worker).
import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { chownSync, chmodSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { BIN, type Sandbox } from './example.js';

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Run as this user (tests run as root, who ignores permission bits). */
  uid?: number;
  gid?: number;
  cwd?: string;
  /** Flags for node itself, before the bin (e.g. --import a preload). */
  nodeArgs?: string[];
  /** Called once the child is spawned (to signal it, for example). */
  onSpawn?: (child: ChildProcess) => void;
}

export function startMagi(sandbox: Sandbox, args: string[], options: RunOptions = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? sandbox.root,
    env: { PATH: process.env.PATH ?? '', HOME: sandbox.home, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
  options.onSpawn?.(child);
  return { child, done };
}

export function runMagiAsync(sandbox: Sandbox, args: string[], options: RunOptions = {}): Promise<Run> {
  return startMagi(sandbox, args, options).done;
}

/** Every file under root (contents and mode) and every folder (mode): equal snapshots mean nothing was written. */
export function snapshotTree(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const rel = path.relative(root, full);
      if (entry.isSymbolicLink()) entries.set(rel, `-> ${readlinkSync(full)}`);
      else if (entry.isDirectory()) {
        entries.set(`${rel}/`, String(statSync(full).mode));
        walk(full);
      } else entries.set(rel, readFileSync(full, 'latin1') + statSync(full).mode);
    }
  };
  walk(root);
  return entries;
}

export const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** Run options that make permission bits apply: as root, run as nobody; otherwise they already do. */
export function unprivileged(): RunOptions {
  return isRoot ? { uid: NOBODY, gid: NOBODY } : {};
}

/** Hands the sandbox (and its parent temp folder) to an unprivileged user, so permission bits bite. */
export function giveTo(sandbox: Sandbox, uid = NOBODY): void {
  if (!isRoot) return;
  const base = path.dirname(sandbox.root);
  chmodSync(base, 0o755);
  const walk = (target: string) => {
    chownSync(target, uid, uid);
    if (statSync(target).isDirectory()) for (const name of readdirSync(target)) walk(path.join(target, name));
  };
  walk(sandbox.root);
  walk(sandbox.home);
}

/** The run printed exactly one line on stderr, matching `line`. */
export function expectOneLine(run: Run, line: RegExp): void {
  expect(run.stderr.split('\n').filter(Boolean), run.stderr).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(line);
}

/** Temp files an atomic write left behind under `root`. */
export function leftoverTempFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name));
      else if (/\.magi-\d+\.tmp$/.test(entry.name)) found.push(path.join(folder, entry.name));
    }
  };
  walk(root);
  return found;
}

/** Sends `signal` to the run as soon as its lock file exists (after the handler, before any write). */
export async function signalWhenLocked(started: { child: ChildProcess; done: Promise<Run> }, lock: string, signal: NodeJS.Signals): Promise<{ run: Run; signalled: boolean }> {
  const { existsSync } = await import('node:fs');
  let signalled = false;
  const poll = setInterval(() => {
    if (!signalled && existsSync(lock)) {
      signalled = true;
      started.child.kill(signal);
    }
  }, 2);
  const run = await started.done;
  clearInterval(poll);
  return { run, signalled };
}

// One run per sprint at a time. The lock lives in the OS temp folder (keyed by
// the sprint's real path), so taking it writes nothing into the repository.
import { createHash } from 'node:crypto';
import { openSync, readFileSync, realpathSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT, MagiError } from '../errors.js';

export function lockPath(folder: string): string {
  const key = createHash('sha256').update(realpathSync(folder)).digest('hex').slice(0, 16);
  return path.join(tmpdir(), `magi-${key}.lock`);
}

/** Takes the lock for `folder` or throws a one-line MagiError naming the holder. Returns the release function. */
export function acquireLock(folder: string, label: string): () => void {
  const file = lockPath(folder);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const descriptor = openSync(file, 'wx');
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSafe(file));
      if (holder && holder !== process.pid && alive(holder)) {
        throw new MagiError('busy', `Another magi run (pid ${holder}) is working on ${label}; wait for it to finish, then re-run`, { exitCode: EXIT.busy });
      }
      // A lock left by a run that died: take it over.
      try {
        unlinkSync(file);
      } catch {
        // Someone else took it over first; the next attempt tells.
      }
    }
  }
  throw new MagiError('busy', `Another magi run is working on ${label}; wait for it to finish, then re-run`, { exitCode: EXIT.busy });
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

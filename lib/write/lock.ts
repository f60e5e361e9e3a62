// One run per sprint at a time. The lock lives in the OS temp folder (keyed by
// the sprint's real path), so taking it writes nothing into the repository.
// It holds the owner's pid and, where the OS tells, the owner's start time: a
// lock whose process is gone, or whose pid now belongs to another process, is
// stale and broken. Every message about it names the lock file.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT, MagiError } from '../errors.js';

export function lockPath(folder: string): string {
  const key = createHash('sha256').update(realpathSync(folder)).digest('hex').slice(0, 16);
  return path.join(tmpdir(), `magi-${key}.lock`);
}

/** Takes the lock for `folder` or throws a one-line MagiError naming the holder and the lock file. Returns the release function. */
export function acquireLock(folder: string, label: string): () => void {
  const file = lockPath(folder);
  let lastHolder: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const descriptor = openSync(file, 'wx', 0o644);
      writeSync(descriptor, `${process.pid} ${startTime(process.pid) ?? ''}`.trim());
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
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new MagiError('lock-failed', `Cannot take the lock ${file} for ${label} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that ${path.dirname(file)} is writable (or set TMPDIR)`, {
          exitCode: EXIT.busy,
          cause: error,
        });
      }
      const holder = parseLock(readFileSafe(file));
      if (holder && holder.pid !== process.pid && running(holder)) {
        throw new MagiError('busy', `Another magi run (pid ${holder.pid}) is working on ${label}; wait for it to finish, then re-run (lock: ${file})`, { exitCode: EXIT.busy });
      }
      lastHolder = holder?.pid;
      // A lock left by a run that died (or an empty one from a run killed while taking it): break it.
      try {
        unlinkSync(file);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw new MagiError('lock-stale', `A stale lock ${file}${lastHolder ? ` (pid ${lastHolder}, no longer running)` : ''} cannot be removed (${(cause as NodeJS.ErrnoException).code}); delete it, then re-run`, {
            exitCode: EXIT.busy,
            cause,
          });
        }
      }
    }
  }
  throw new MagiError('busy', `Another magi run is working on ${label}; wait for it to finish, then re-run (lock: ${file})`, { exitCode: EXIT.busy });
}

interface Holder {
  pid: number;
  /** The process's start time as the OS counts it; undefined in locks that do not record it. */
  started?: string;
}

function parseLock(text: string): Holder | undefined {
  const [pid, started] = text.split(/\s+/);
  const number = Number(pid);
  return Number.isInteger(number) && number > 0 ? { pid: number, started: started || undefined } : undefined;
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function running(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid is in use: by the run that wrote the lock only if it started when that run did.
  if (holder.started === undefined) return true;
  const now = startTime(holder.pid);
  return now === undefined || now === holder.started;
}

/** Linux: field 22 of /proc/<pid>/stat (start time in clock ticks since boot); undefined elsewhere. */
export function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

// All-or-nothing writes of a set of files. Each file is written to a temp file
// in its own folder and renamed over the target (atomic per file, mode kept);
// if anything fails, every file already replaced is put back and every folder
// we created is removed, so the disk is as it was.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { EXIT, MagiError } from '../errors.js';

export interface FileWrite {
  /** Absolute path. */
  path: string;
  contents: string | Buffer;
}

interface Staged {
  write: FileWrite;
  temp: string;
  original?: { contents: Buffer; mode: number };
}

export function writeAllOrNothing(writes: readonly FileWrite[], displayRoot = process.cwd()): void {
  const createdFolders: string[] = [];
  const staged: Staged[] = [];
  const show = (file: string) => path.relative(displayRoot, file) || file;
  let failing: string | undefined;
  try {
    for (const write of writes) {
      failing = write.path;
      createdFolders.push(...makeParents(path.dirname(write.path)));
      assertWritableFolder(path.dirname(write.path));
      const original = readOriginal(write.path);
      const temp = path.join(path.dirname(write.path), `.${path.basename(write.path)}.magi-${process.pid}.tmp`);
      staged.push({ write, temp, original });
      writeTemp(temp, write.contents, original?.mode);
    }
  } catch (cause) {
    cleanup(staged, createdFolders);
    throw writeError(cause, failing, show);
  }
  const renamed: Staged[] = [];
  try {
    for (const entry of staged) {
      renameSync(entry.temp, entry.write.path);
      renamed.push(entry);
    }
  } catch (cause) {
    const failed = staged[renamed.length];
    restore(renamed);
    cleanup(staged.slice(renamed.length), createdFolders);
    throw writeError(cause, failed?.write.path, show);
  }
}

function writeTemp(temp: string, contents: string | Buffer, mode: number | undefined): void {
  const descriptor = openSync(temp, 'wx', mode ?? 0o666);
  try {
    writeSync(descriptor, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  // openSync's mode is filtered by the umask; the original's mode must survive exactly.
  if (mode !== undefined) chmodSync(temp, mode);
}

function readOriginal(file: string): Staged['original'] {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) throw Object.assign(new Error('is not a regular file'), { code: 'EISDIR' });
  // A read-only file stops us before anything is replaced, even for root,
  // who could write it anyway: the user marked it read-only for a reason.
  if ((stats.mode & 0o222) === 0) throw Object.assign(new Error('read-only'), { code: 'EACCES' });
  const probe = openSync(file, 'r+');
  closeSync(probe);
  return { contents: readFileSync(file), mode: stats.mode & 0o7777 };
}

function makeParents(folder: string): string[] {
  const missing: string[] = [];
  let current = folder;
  while (!exists(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (missing.length) assertWritableFolder(current);
  for (const entry of missing) mkdirSync(entry);
  return missing;
}

function assertWritableFolder(folder: string): void {
  if ((statSync(folder).mode & 0o222) === 0) throw Object.assign(new Error('read-only folder'), { code: 'EACCES', path: folder });
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function restore(renamed: Staged[]): void {
  for (const entry of [...renamed].reverse()) {
    try {
      if (entry.original) {
        writeTemp(entry.temp, entry.original.contents, entry.original.mode);
        renameSync(entry.temp, entry.write.path);
      } else {
        unlinkSync(entry.write.path);
      }
    } catch {
      // Best effort: the error that started the rollback is the one reported.
    }
  }
}

function cleanup(staged: Staged[], createdFolders: string[]): void {
  for (const entry of staged) {
    try {
      unlinkSync(entry.temp);
    } catch {
      // The temp file may never have been created.
    }
  }
  for (const folder of [...createdFolders].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty or already gone.
    }
  }
}

function writeError(cause: unknown, file: string | undefined, show: (file: string) => string): MagiError {
  const code = (cause as NodeJS.ErrnoException)?.code;
  const [reason, fix] =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? ['permission denied', 'fix the permissions and re-run']
      : code === 'ENOSPC'
        ? ['no space left on device', 'free some space and re-run']
        : code === 'EISDIR'
          ? ['a folder is in the way', 'move that folder away and re-run']
          : code === 'ENOTDIR'
            ? ['a file is in the way of its folder', 'move that file away and re-run']
            : [(cause as Error)?.message ?? String(cause), 'fix the cause and re-run'];
  return new MagiError('write-failed', `Cannot write ${file ? show(file) : 'a file'}: ${reason}; nothing was written (${fix})`, {
    exitCode: EXIT.write,
    cause,
  });
}

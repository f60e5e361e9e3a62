// All-or-nothing writes of a set of files. Each file is written to a temp file
// in its own folder and renamed over the target (atomic per file, mode kept);
// if anything fails, every file already replaced is put back and every folder
// we created is removed, so the disk is as it was.
//
// Every target must stay inside the repository after symlinks are resolved
// (checked when staging and again right before each rename, so a folder
// swapped for a symlink mid-run is caught), and a file that changed since the
// run read it (text appended to SPEC.md by an editor) stops the whole set.
import { chmodSync, closeSync, fstatSync, fsyncSync, lstatSync, readSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { EXIT, isMagiError, MagiError } from '../errors.js';

export interface FileWrite {
  /** Absolute path. */
  path: string;
  contents: string | Buffer;
  /**
   * What the file held when the run read it (`null`: it did not exist). When
   * given, the file is compared with it right before the rename; a difference
   * means someone else changed it meanwhile, and nothing is written.
   */
  expected?: string | Buffer | null;
}

export interface WriteOptions {
  /** Absolute paths allowed outside the root (the global config `magi setup` writes). */
  outside?: readonly string[];
}

interface Staged {
  write: FileWrite;
  temp: string;
  /** Real path of the target's folder when the temp file was written. */
  folder: string;
  /** The file we replace: its bytes, its mode, and a descriptor kept open on it (an append in place after our last look still shows there). */
  original?: { contents: Buffer; mode: number; fd: number };
}

/**
 * How far the current run's write got: the interrupt message must tell the
 * truth. Kept on the process (not the module): the bin and the generators
 * Yeoman loads are separate copies of this module.
 */
export const writeProgress: { renamed: number; total: number } = ((globalThis as Record<symbol, unknown>)[Symbol.for('generator-magi.writeProgress')] ??= {
  renamed: 0,
  total: 0,
}) as { renamed: number; total: number };

/**
 * One turn of the event loop after the write. A signal that arrived while the
 * files were renamed is handled here (the run stops and says every file landed),
 * before the report is printed, not after the process already finished.
 */
export function handleSignalsSinceWrite(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function writeAllOrNothing(writes: readonly FileWrite[], root = process.cwd(), options: WriteOptions = {}): void {
  const createdFolders: string[] = [];
  const staged: Staged[] = [];
  const show = (file: string) => path.relative(root, file) || file;
  const confined = (file: string) => !options.outside?.includes(path.resolve(file));
  const realRoot = realpathSync(root);
  let failing: string | undefined;
  try {
    for (const write of writes) {
      failing = write.path;
      if (confined(write.path)) assertInside(root, realRoot, write.path, show);
      createdFolders.push(...makeParents(path.dirname(write.path)));
      const folder = realpathSync(path.dirname(write.path));
      if (confined(write.path)) assertInside(root, realRoot, write.path, show);
      assertWritableFolder(path.dirname(write.path));
      const original = readOriginal(write.path);
      const temp = path.join(path.dirname(write.path), `.${path.basename(write.path)}.magi-${process.pid}.tmp`);
      staged.push({ write, temp, folder, original });
      writeTemp(temp, write.contents, original?.mode);
    }
    // Right before the first rename: nothing changed under us, nothing moved out of the repository.
    for (const entry of staged) assertUnchanged(entry, show, confined(entry.write.path) ? realRoot : undefined);
  } catch (cause) {
    cleanup(staged, createdFolders);
    closeOriginals(staged);
    throw isMagiError(cause) ? cause : writeError(cause, failing, show);
  }
  const renamed: Staged[] = [];
  writeProgress.total = staged.length;
  try {
    for (const entry of staged) {
      failing = entry.write.path;
      assertUnchanged(entry, show, confined(entry.write.path) ? realRoot : undefined);
      renameSync(entry.temp, entry.write.path);
      renamed.push(entry);
      writeProgress.renamed = renamed.length;
    }
    // Text appended in place between our last look and the rename went to the file we replaced: put everything back.
    const late = staged.find((entry) => appendedLate(entry));
    if (late) {
      throw new MagiError('write-changed', `Cannot write ${show(late.write.path)}: it changed while magi was running (edited); nothing was written (save your edits, then re-run)`, {
        exitCode: EXIT.write,
      });
    }
  } catch (cause) {
    restore(renamed);
    writeProgress.renamed = 0;
    cleanup(staged.slice(renamed.length), createdFolders);
    throw isMagiError(cause) ? cause : writeError(cause, failing, show);
  } finally {
    closeOriginals(staged);
  }
}

/** Re-reads the replaced file through its descriptor; when it no longer holds what the run read, its new bytes are what a rollback restores. */
function appendedLate(entry: Staged): boolean {
  if (!entry.original || entry.write.expected === undefined || entry.write.expected === null) return false;
  const now = readDescriptor(entry.original.fd);
  if (now.equals(entry.original.contents)) return false;
  entry.original.contents = now;
  return true;
}

function readDescriptor(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const buffer = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    const read = readSync(fd, buffer, offset, size - offset, offset);
    if (read === 0) break;
    offset += read;
  }
  return buffer.subarray(0, offset);
}

function closeOriginals(staged: Staged[]): void {
  for (const entry of staged) {
    if (!entry.original) continue;
    try {
      closeSync(entry.original.fd);
    } catch {
      // Already closed.
    }
  }
}

/**
 * The target's folder is still the one we staged in (not swapped for a
 * symlink), still inside the repository, and the target holds what the run read.
 */
function assertUnchanged(entry: Staged, show: (file: string) => string, realRoot: string | undefined): void {
  const file = entry.write.path;
  let folder: string | undefined;
  try {
    folder = realpathSync(path.dirname(file));
  } catch {
    folder = undefined;
  }
  if (folder !== entry.folder || (realRoot !== undefined && !within(realRoot, folder))) {
    throw new MagiError('write-moved', `Cannot write ${show(file)}: its folder was moved or replaced by a symlink while magi was running; nothing was written (re-run)`, {
      exitCode: EXIT.write,
    });
  }
  if (entry.write.expected === undefined) return;
  let now: Buffer | null;
  try {
    now = readFileSync(file);
  } catch {
    now = null;
  }
  const expected = entry.write.expected === null ? null : Buffer.isBuffer(entry.write.expected) ? entry.write.expected : Buffer.from(entry.write.expected, 'utf8');
  const same = now === null || expected === null ? now === expected : now.equals(expected);
  if (!same) {
    throw new MagiError('write-changed', `Cannot write ${show(file)}: it changed while magi was running (${now === null ? 'deleted' : expected === null ? 'created' : 'edited'}); nothing was written (save your edits, then re-run)`, {
      exitCode: EXIT.write,
    });
  }
}

/** Refuses a target whose real location (after symlinks, of the file or its nearest existing folder) leaves the repository. */
function assertInside(root: string, realRoot: string, file: string, show: (file: string) => string): void {
  const lexical = path.relative(path.resolve(root), path.resolve(file));
  if (lexical === '' || lexical.startsWith('..') || path.isAbsolute(lexical)) {
    throw new MagiError('write-outside', `Cannot write ${file}: it is outside the repository; nothing was written (choose a path inside ${root})`, { exitCode: EXIT.write });
  }
  let existing = path.resolve(file);
  while (!isPresent(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    throw new MagiError('write-outside', `Cannot write ${show(file)}: ${show(existing)} is a broken symlink; nothing was written (remove it, then re-run)`, { exitCode: EXIT.write });
  }
  if (!within(realRoot, real)) {
    throw new MagiError('write-outside', `Cannot write ${show(file)}: ${show(existing)} leads outside the repository (to ${real}); nothing was written (replace the symlink with a real folder or file)`, {
      exitCode: EXIT.write,
    });
  }
}

function within(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep);
}

/** Present as a directory entry (a dangling symlink counts). */
function isPresent(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
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
  if (stats.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (!stats.isFile()) throw Object.assign(new Error('is not a regular file'), { code: 'ENOTREG' });
  // A read-only file stops us before anything is replaced, even for root,
  // who could write it anyway: the user marked it read-only for a reason.
  if ((stats.mode & 0o222) === 0) throw Object.assign(new Error('read-only'), { code: 'EACCES' });
  const probe = openSync(file, 'r+');
  closeSync(probe);
  const fd = openSync(file, 'r');
  return { contents: readDescriptor(fd), mode: stats.mode & 0o7777, fd };
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
          : code === 'ENOTREG'
            ? ['a FIFO, socket or device is in the way', 'move it away and re-run']
          : code === 'ENOTDIR'
            ? ['a file is in the way of its folder', 'move that file away and re-run']
            : [(cause as Error)?.message ?? String(cause), 'fix the cause and re-run'];
  return new MagiError('write-failed', `Cannot write ${file ? show(file) : 'a file'}: ${reason}; nothing was written (${fix})`, {
    exitCode: EXIT.write,
    cause,
  });
}

// Our replacement for Yeoman's commit: every conflict is decided before the
// first byte is written, then all files are written atomically or none is.
// (Yeoman's own commit writes file by file, so a late refusal leaves earlier
// files on disk.)
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Conflicter } from '@yeoman/conflicter';
import { clearFileState, isFilePending } from 'mem-fs-editor/state';
import type Generator from 'yeoman-generator';
import { EXIT, MagiError } from '../../lib/errors.js';
import { assertNoSilentOverwrite, type PlannedWrite } from '../../lib/pipeline/files.js';
import { writeAllOrNothing, type FileWrite } from '../../lib/write/atomic.js';

const REFUSED = new Set(['skip', 'diff', 'ignore', 'abort']);
const YEOMAN_STATE = /^\.yo-(rc|rc-global)\.json$|^\.yo-resolve$/;

interface PendingFile {
  path: string;
  contents: Buffer | null;
  conflicter?: string;
  changesDetected?: boolean;
}

export interface CommitOptions {
  force: boolean;
  dryRun: boolean;
  /** Someone can answer the conflicter's questions; without, a file we did not write is refused (no --force) instead of asked about. */
  interactive: boolean;
  /** The run's planned writes: what each file held when read (checked right before the rename), and which replace a file we did not write. */
  planned?: readonly PlannedWrite[];
  /** Absolute paths allowed outside the project (the global config). */
  outside?: readonly string[];
}

export async function commitAllOrNothing(generator: Generator, options: CommitOptions): Promise<FileWrite[]> {
  const store = generator.env.sharedFs;
  const pending = store.all().filter((file) => isFilePending(file as never)) as unknown as PendingFile[];
  const clear = () => pending.forEach((file) => clearFileState(file as never));
  const root = generator.destinationRoot();
  const planned = new Map((options.planned ?? []).map((write) => [path.resolve(root, write.path), write]));
  const writes: FileWrite[] = [];
  for (const file of pending) {
    if (file.contents === null) continue;
    // Unchanged files are not writes at all.
    if (isFile(file.path) && readFileSync(file.path).equals(file.contents)) continue;
    const plan = planned.get(path.resolve(file.path));
    writes.push({ path: file.path, contents: file.contents, ...(plan ? { expected: plan.expected } : {}) });
  }
  if (options.dryRun) {
    clear();
    return writes;
  }
  if (!options.interactive) {
    try {
      assertNoSilentOverwrite([...planned.values()].filter((write) => writes.some((candidate) => path.resolve(candidate.path) === path.resolve(root, write.path))), options.force);
    } catch (error) {
      clear();
      throw error;
    }
  }
  if (!options.force && options.interactive) {
    const conflicter = new Conflicter(generator.env.adapter as never, { cwd: generator.destinationRoot() });
    for (const write of writes) {
      // Only existing files collide; a folder in the way is reported by the write itself.
      // Like Yeoman, never ask about its own state files (.yo-rc.json): the prompts that changed them were the question.
      if (!isFile(write.path) || YEOMAN_STATE.test(path.basename(write.path))) continue;
      const file = pending.find((candidate) => candidate.path === write.path)!;
      let decided: PendingFile;
      try {
        decided = (await conflicter.checkForCollision(file as never)) as unknown as PendingFile;
      } catch (cause) {
        clear();
        throw new MagiError('write-refused', `Aborted at ${relative(generator, write.path)}; nothing was written`, { exitCode: EXIT.write, cause });
      }
      if (decided.conflicter && REFUSED.has(decided.conflicter)) {
        clear();
        throw new MagiError('write-refused', `Write of ${relative(generator, write.path)} was refused; nothing was written (re-run and accept, or use --dry-run to see the diff)`, {
          exitCode: EXIT.write,
        });
      }
    }
  }
  try {
    writeAllOrNothing(writes, root, { outside: options.outside });
  } finally {
    clear();
  }
  return writes;
}

function relative(generator: Generator, file: string): string {
  return path.relative(generator.destinationRoot(), file) || file;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

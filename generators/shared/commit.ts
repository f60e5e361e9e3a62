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
import { writeAllOrNothing, type FileWrite } from '../../lib/write/atomic.js';

const REFUSED = new Set(['skip', 'diff', 'ignore', 'abort']);
const YEOMAN_STATE = /^\.yo-(rc|rc-global)\.json$|^\.yo-resolve$/;

interface PendingFile {
  path: string;
  contents: Buffer | null;
  conflicter?: string;
  changesDetected?: boolean;
}

export async function commitAllOrNothing(generator: Generator, options: { force: boolean; dryRun: boolean }): Promise<FileWrite[]> {
  const store = generator.env.sharedFs;
  const pending = store.all().filter((file) => isFilePending(file as never)) as unknown as PendingFile[];
  const clear = () => pending.forEach((file) => clearFileState(file as never));
  const writes: FileWrite[] = [];
  for (const file of pending) {
    if (file.contents === null) continue;
    // Unchanged files are not writes at all.
    if (isFile(file.path) && readFileSync(file.path).equals(file.contents)) continue;
    writes.push({ path: file.path, contents: file.contents });
  }
  if (options.dryRun) {
    clear();
    return writes;
  }
  if (!options.force) {
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
    writeAllOrNothing(writes, generator.destinationRoot());
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

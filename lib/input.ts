// Every file a run reads as input goes through here: it must be a regular
// file (a FIFO or a device would block the run forever) no larger than its
// cap (so the time a run takes stays bounded), and it is read in one go.
import { readFileSync, statSync } from 'node:fs';
import { EXIT, MagiError } from './errors.js';

/** Contracts (--contract, --openapi, the sprint's own): the largest real-world OpenAPI files are a few MB. */
export const MAX_CONTRACT_BYTES = 4 * 1024 * 1024;
/** Config files (.yo-rc.json, the workflow's config.json), manifests and workflow files. */
export const MAX_SMALL_FILE_BYTES = 1024 * 1024;

/**
 * Reads `file` or throws a one-line MagiError naming `label`: not found, not a
 * regular file, or over `maxBytes` (with `fix`, what to do about it).
 */
export function readInputFile(file: string, label: string, maxBytes: number, fix: string, exitCode: number = EXIT.usage, notFileFix = 'replace it with a file'): Buffer {
  let stats;
  try {
    stats = statSync(file);
  } catch (cause) {
    throw new MagiError('input-missing', `${label}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}); ${fix}`, { exitCode, cause });
  }
  if (!stats.isFile()) {
    const what = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isSocket() ? 'a socket' : 'a device or special file';
    throw new MagiError('input-not-file', `${label}: is ${what}, not a regular file; ${notFileFix}`, { exitCode });
  }
  if (stats.size > maxBytes) {
    throw new MagiError('input-too-large', `${label}: ${sizeAgainstLimit(stats.size, maxBytes)}; ${fix}`, { exitCode });
  }
  try {
    return readFileSync(file);
  } catch (cause) {
    throw new MagiError('input-unreadable', `${label}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}); ${fix}`, { exitCode, cause });
  }
}

/** A regular file's text, or undefined when there is none (or something else is in its place). */
export function readRegularFile(file: string, maxBytes = Number.POSITIVE_INFINITY): string | undefined {
  try {
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > maxBytes) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** "is 5.2 MB (limit 5.0 MB)"; in bytes when both would read the same ("is 5,243,904 bytes (limit 5,242,880)"). */
export function sizeAgainstLimit(size: number, limit: number): string {
  const [shown, cap] = [megabytes(size), megabytes(limit)];
  return shown === cap ? `is ${size.toLocaleString('en-US')} bytes (limit ${limit.toLocaleString('en-US')})` : `is ${shown} (limit ${cap})`;
}

export function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

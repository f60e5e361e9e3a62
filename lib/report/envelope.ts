// What every `--json` output starts with: the format version, the tool and the
// command. Fields are only added within a version, never renamed or removed.
// Kept free of heavy imports: the CLI's error path loads it at start-up.
import { readFileSync } from 'node:fs';
import { describeError, type ErrorDescription } from '../errors.js';
import { findPackageRoot } from '../paths.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonEnvelope {
  version: number;
  tool: { name: 'generator-magi'; version: string };
  command: string;
}

let version: string | undefined;
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(`${findPackageRoot()}/package.json`, 'utf8')) as { version: string }).version;
  return version;
}

export function envelope(command: string): JsonEnvelope {
  return { version: JSON_FORMAT_VERSION, tool: { name: 'generator-magi', version: packageVersion() }, command };
}

const REPORTED = Symbol.for('generator-magi.json-reported');

/**
 * True the first time it is asked about an error: a failure inside Yeoman's run
 * loop is printed by the generator, and the bin must not print it again.
 */
export function claimJsonReport(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return true;
  const marked = error as { [REPORTED]?: boolean };
  if (marked[REPORTED]) return false;
  marked[REPORTED] = true;
  return true;
}

/** A failed command's one JSON object (stdout): the envelope plus `error`. */
export function jsonFailure(command: string, error: unknown): JsonEnvelope & { error: ErrorDescription } {
  let head: JsonEnvelope;
  try {
    head = envelope(command);
  } catch {
    // The error may be that the package itself is unreadable; the object must still print.
    head = { version: JSON_FORMAT_VERSION, tool: { name: 'generator-magi', version: 'unknown' }, command };
  }
  return { ...head, error: describeError(error) };
}

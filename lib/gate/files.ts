// Generated files other than the section (the contract, the contract test)
// get the section's treatment: a three-way merge against the version we wrote
// last time, kept under the sprint's `.magi/files/`. A file the user edited
// keeps every line they wrote; a file we have no record of is never replaced
// silently (the caller asks, or refuses without --force).
import { posix } from 'node:path';
import { merge3 } from './merge3.js';

export type FileDecision =
  | { action: 'unchanged' }
  | { action: 'write'; contents: string; outcome: 'created' | 'refreshed' | 'merged'; conflicts: number }
  /** The file exists, differs, and we have no base: ours to ask about, never to overwrite silently. */
  | { action: 'ask' };

export interface GeneratedFile {
  /** What we generate now. */
  fresh: string;
  /** What is on disk (undefined: no file). */
  current?: string;
  /** What we generated last time (undefined: no record). */
  base?: string;
}

export function decideGeneratedFile({ fresh, current, base }: GeneratedFile): FileDecision {
  if (current === undefined) return { action: 'write', contents: fresh, outcome: 'created', conflicts: 0 };
  if (current === fresh) return { action: 'unchanged' };
  if (base === undefined) return { action: 'ask' };
  if (current === base) return { action: 'write', contents: fresh, outcome: 'refreshed', conflicts: 0 };
  const merged = merge3(base.split('\n'), current.split('\n'), fresh.split('\n'));
  const contents = merged.lines.join('\n');
  if (contents === current) return { action: 'unchanged' };
  return { action: 'write', contents, outcome: 'merged', conflicts: merged.conflicts };
}

/** Where the base of a generated file is kept: `<sprint>/.magi/files/<repo path>.base` (never a name a test runner or compiler picks up). */
export function generatedBasePath(sprintDir: string, file: string): string {
  return posix.join(sprintDir, '.magi', 'files', `${file}.base`);
}

// One error type for everything the user can fix. The CLI prints `message`
// (one line: what is wrong and how to fix it) and exits with `exitCode`;
// the stack trace is shown only with DEBUG=magi*.

export const EXIT = {
  ok: 0,
  /** Bad input: options, answers file, sprint, documents. */
  usage: 2,
  /** The workflow state or config does not allow this step. */
  preflight: 3,
  /** A write was refused or failed; nothing was written. */
  write: 4,
  /** The contract did not validate; nothing was written. */
  contract: 5,
  /** Another run holds the sprint's lock. */
  busy: 6,
  /** The user chose to abort (a conflict, a confirmation). */
  aborted: 1,
  interrupted: 130,
} as const;

export class MagiError extends Error {
  /** Stable identifier of the problem, for tests and the JSON report. */
  readonly id: string;
  /** The process exit code; named `code` because `yo` exits with `error.code`. */
  readonly code: number;

  constructor(id: string, message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MagiError';
    this.id = id;
    this.code = options.exitCode ?? EXIT.usage;
  }

  get exitCode(): number {
    return this.code;
  }
}

export function isMagiError(error: unknown): error is MagiError {
  return error instanceof Error && (error as MagiError).name === 'MagiError' && typeof (error as MagiError).id === 'string';
}

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

  /** How to fix it, when the message does not end with it (`…; <hint>`). */
  readonly hint?: string;

  constructor(id: string, message: string, options: { exitCode?: number; cause?: unknown; hint?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MagiError';
    this.id = id;
    this.code = options.exitCode ?? EXIT.usage;
    if (options.hint) this.hint = options.hint;
  }

  get exitCode(): number {
    return this.code;
  }
}

export function isMagiError(error: unknown): error is MagiError {
  return error instanceof Error && (error as MagiError).name === 'MagiError' && typeof (error as MagiError).id === 'string';
}

export interface ErrorDescription {
  /** Stable identifier (`answers-invalid`, `unknown-option`, …); `unexpected` for a bug. */
  code: string;
  message: string;
  hint?: string;
  exitCode: number;
}

/**
 * An error as `--json` reports it. Messages are written "what is wrong; how to
 * fix it", so the last `; ` part of a one-line message is the hint.
 */
export function describeError(error: unknown): ErrorDescription {
  if ((error as Error)?.name === 'ExitPromptError') return { code: 'interrupted', message: 'Interrupted: nothing was written', exitCode: EXIT.interrupted };
  if (!isMagiError(error)) {
    const message = ((error as Error)?.message ?? String(error)).split('\n')[0];
    return { code: 'unexpected', message, hint: 'run with DEBUG=magi* for details', exitCode: 1 };
  }
  // An error that carries its hint keeps its whole message (a list of problems joined by '; ').
  const at = error.hint || error.message.includes('\n') ? -1 : error.message.lastIndexOf('; ');
  const message = at < 0 ? error.message : error.message.slice(0, at);
  const hint = error.hint ?? (at < 0 ? undefined : error.message.slice(at + 2));
  return { code: error.id, message, ...(hint ? { hint } : {}), exitCode: error.exitCode };
}

// Small helpers every generator shell shares.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Generator from 'yeoman-generator';
import { readJsonObject } from '../../lib/config/index.js';
import { claimJsonReport, jsonFailure } from '../../lib/report/envelope.js';

/**
 * Prompts need someone to answer them: a terminal, or a test adapter that
 * answers programmatically. Never wait on a closed stdin.
 */
export function canPrompt(generator: Generator): boolean {
  const adapterName = (generator.env.adapter as { constructor?: { name?: string } } | undefined)?.constructor?.name;
  const realTerminal = adapterName === 'QueuedAdapter' || adapterName === 'TerminalAdapter';
  return !realTerminal || Boolean(process.stdin.isTTY);
}

export { packageVersion } from '../../lib/report/envelope.js';

/** `yo magi:<name> --json`: a failure in the run loop is one JSON object on stdout, as with the magi bin. */
export function failuresAsJson(generator: Generator, command: string): void {
  if (!(generator.options as { json?: unknown }).json) return;
  (generator.env as unknown as NodeJS.EventEmitter).once('error', (error: unknown) => {
    if (claimJsonReport(error)) process.stdout.write(`${JSON.stringify(jsonFailure(command, error), null, 2)}\n`);
  });
}

/**
 * Yeoman parses the project's `.yo-rc.json` while constructing a generator and
 * fails with its own stack trace; check it first so a broken one gets our one line.
 */
export function assertProjectConfigParses(options: unknown): void {
  const given = options as { destinationRoot?: string; env?: { cwd?: string } } | undefined;
  const file = path.join(given?.destinationRoot ?? given?.env?.cwd ?? process.cwd(), '.yo-rc.json');
  if (existsSync(file)) readJsonObject(file);
}

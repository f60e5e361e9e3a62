// Small helpers every generator shell shares.
import { readFileSync } from 'node:fs';
import type Generator from 'yeoman-generator';
import { findPackageRoot } from '../../lib/paths.js';

/**
 * Prompts need someone to answer them: a terminal, or a test adapter that
 * answers programmatically. Never wait on a closed stdin.
 */
export function canPrompt(generator: Generator): boolean {
  const adapterName = (generator.env.adapter as { constructor?: { name?: string } } | undefined)?.constructor?.name;
  const realTerminal = adapterName === 'QueuedAdapter' || adapterName === 'TerminalAdapter';
  return !realTerminal || Boolean(process.stdin.isTTY);
}

let version: string | undefined;
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(`${findPackageRoot()}/package.json`, 'utf8')) as { version: string }).version;
  return version;
}

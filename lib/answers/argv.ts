// Command-line arguments → option values, by the same declaration Yeoman's
// option parser uses (`--flag value`, `--flag=value`, `--flag`, `--no-flag`,
// `-a value` for a declared alias). node:util's parseArgs tokenises; the
// checks that give our one-line messages (a near miss, a missing value) are ours.
import { parseArgs } from 'node:util';
import { MagiError } from '../errors.js';
import type { Declaration } from './declaration.js';
import { nearest } from './load.js';

/** Flags Yeoman's own run loop takes; accepted so `magi` and `yo magi:*` take the same command lines. */
export const YEOMAN_FLAGS = ['skip-install', 'skip-cache', 'ask-answered', 'force-install'] as const;

export interface CommandLine {
  /** By flag name (`api-style`), as Yeoman hands options to a generator. */
  values: Record<string, string | boolean>;
  positionals: string[];
  help: boolean;
}

export interface ParseOptions {
  /** For the messages: `run magi <command> --help`. */
  command: string;
  /** Positional arguments the command takes (`detect [path]`: 1). */
  positionals?: number;
}

export function parseCommandLine(args: readonly string[], declaration: Declaration, { command, positionals: allowed = 0 }: ParseOptions): CommandLine {
  const config: Record<string, { type: 'boolean' | 'string'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const flag of YEOMAN_FLAGS) config[flag] = { type: 'boolean' };
  for (const question of declaration) {
    if (question.option) config[question.option.flag] = { type: question.option.type, ...(question.option.alias ? { short: question.option.alias } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof config; strict: false; allowPositionals: true; allowNegative: true; tokens: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, allowNegative: true, tokens: true });
  } catch (cause) {
    throw new MagiError('bad-arguments', `${(cause as Error).message.split('\n')[0]}; run magi ${command} --help`, { cause });
  }
  const values: Record<string, string | boolean> = {};
  let help = false;
  for (const token of parsed.tokens) {
    if (token.kind === 'positional' || token.kind === 'option-terminator') continue;
    const { name, rawName } = token;
    const known = config[name];
    const negated = rawName.startsWith('--no-') && !(rawName.slice(2) in config);
    if (known && negated && known.type !== 'boolean') {
      throw new MagiError('option-value', `${rawName}: --${name} takes a value and cannot be negated; run magi ${command} --help`);
    }
    if (!known) {
      const flag = rawName.replace(/^--no-/, '--');
      const suggestion = rawName.startsWith('--') ? nearest(flag.slice(2), Object.keys(config).filter((key) => key.length > 1)) : undefined;
      throw new MagiError('unknown-option', `Unknown option ${flag}${suggestion ? `; did you mean --${suggestion}?` : ''}; run magi ${command} --help`);
    }
    if (name === 'help') {
      help = true;
      continue;
    }
    if (known.type === 'string') {
      // `--sprint --json`: parseArgs would take `--json` as the value; it is a missing value.
      const value = token.value ?? '';
      if (!token.inlineValue && value.startsWith('--')) throw new MagiError('option-value', `${rawName} needs a value; run with --help for the accepted values`);
      values[name] = value;
    } else if (negated) {
      values[name] = false;
    } else {
      // `--scaffold-test=false` reads as false, like Yeoman's parser.
      values[name] = token.value === undefined ? true : !/^(false|0|no)$/i.test(token.value);
    }
  }
  if (parsed.positionals.length > allowed) {
    const extra = parsed.positionals[allowed];
    throw new MagiError('unexpected-argument', `Unexpected argument "${extra}"; options start with --, run magi ${command} --help`);
  }
  return { values, positionals: parsed.positionals, help };
}

/** Option values by flag name, for a generator command (no positionals). */
export function parseArgv(args: readonly string[], declaration: Declaration, command = 'backend-spec'): Record<string, unknown> {
  return parseCommandLine(args, declaration, { command }).values;
}

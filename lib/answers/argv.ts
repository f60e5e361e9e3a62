// Command-line arguments → option values, by the same declaration Yeoman's
// option parser uses (`--flag value`, `--flag=value`, `--flag`, `--no-flag`).
import { MagiError } from '../errors.js';
import type { Declaration } from './declaration.js';

export function parseArgv(args: readonly string[], declaration: Declaration): Record<string, unknown> {
  const types = new Map(declaration.filter((question) => question.option).map((question) => [question.option!.flag, question.option!.type]));
  const options: Record<string, unknown> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (!arg.startsWith('--')) {
      throw new MagiError('unexpected-argument', `Unexpected argument "${arg}"; options start with --, run with --help`);
    }
    const [name, inline] = splitOnce(arg.slice(2), '=');
    if (types.get(name) === 'string') {
      const value = inline ?? (args[index + 1]?.startsWith('--') ? undefined : args[++index]);
      options[name] = value ?? '';
    } else if (name.startsWith('no-') && types.get(name.slice(3)) === 'boolean') {
      options[name.slice(3)] = false;
    } else {
      options[name] = inline === undefined ? true : !/^(false|0|no)$/i.test(inline);
    }
  }
  return options;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

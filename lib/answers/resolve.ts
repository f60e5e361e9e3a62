// Options first, then the answers file, then stored project defaults: the
// first source that has a value wins. Prompts only fill what is still missing.
import { MagiError } from '../errors.js';
import { camelCase } from '../naming/case.js';
import type { Declaration } from './declaration.js';
import { validateOptionValue, type Answers } from './load.js';

export interface InputSources {
  /** Parsed CLI options as Yeoman hands them over (kebab or camel keys). */
  options: Record<string, unknown>;
  answers?: Answers;
  /** Project defaults from `.yo-rc.json` / the workflow config. */
  stored?: Record<string, unknown>;
}

export function resolveInputs(declaration: Declaration, { options, answers, stored }: InputSources): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const question of declaration) {
    let value: unknown;
    if (question.option) {
      const { flag } = question.option;
      const raw = options[flag] ?? options[camelCase(flag)];
      if (raw !== undefined) {
        if (question.option.type === 'string' && (raw === '' || raw === true)) {
          throw new MagiError('option-value', `--${flag} needs a value; run with --help for the accepted values`);
        }
        value = validateOptionValue(declaration, question.name, raw, flag);
      }
    }
    if (value === undefined && answers && answers[question.name] !== undefined) value = answers[question.name];
    if (value === undefined && question.stored && stored?.[question.name] !== undefined) {
      const parsed = question.schema.safeParse(stored[question.name]);
      // A stale stored default is ignored rather than blocking the run.
      if (parsed.success) value = parsed.data;
    }
    if (value !== undefined) resolved[question.name] = value;
  }
  return resolved;
}

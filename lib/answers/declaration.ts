// One declaration per question drives four things: the CLI option, the prompt,
// the answers file's schema and what `.yo-rc.json` keeps (the Nx schema idea).
import { z } from 'zod';

export type OptionType = 'boolean' | 'string';

export interface PromptSpec {
  type: 'list' | 'input' | 'confirm';
  message: string;
  /** Static choices; dynamic ones are supplied by the generator at prompt time. */
  choices?: readonly string[];
}

export interface QuestionSpec {
  /** camelCase key used in answers files, `.yo-rc.json` and the resolved inputs. */
  name: string;
  /** One line for `--help`. */
  description: string;
  /** Validates the value wherever it comes from. */
  schema: z.ZodType;
  /** CLI flag: omitted when the question has no flag (answers-file only). */
  option?: { flag: string; type: OptionType; alias?: string; /** Shown as `--no-<flag>` in help. */ negated?: boolean };
  /** Asked interactively when no option, answer or stored value gave it. */
  prompt?: PromptSpec;
  /** Accepted in the answers file (default true). */
  inAnswersFile?: boolean;
  /** Kept in `.yo-rc.json` as a project default. */
  stored?: boolean;
}

export type Declaration = readonly QuestionSpec[];

/** A command-line switch that has no place in an answers file (`--force`, `--dry-run`, `--json`). */
export function cliSwitch<N extends string>(name: N, flag: string, description: string): QuestionSpec & { name: N } {
  return { name, description, schema: z.boolean(), option: { flag, type: 'boolean' }, inAnswersFile: false };
}

/** `--answers <file>`: every generator takes one, and it cannot name itself. */
export function answersFileOption(): QuestionSpec & { name: 'answers' } {
  return {
    name: 'answers',
    description: 'YAML/JSON answers file: replaces every prompt',
    schema: z.string().min(1, 'must not be empty'),
    option: { flag: 'answers', type: 'string' },
    inAnswersFile: false,
  };
}

/** The answers-file schema: every question that may appear in a file, no other key but `$schema` (for editors). */
export function answersSchema(declaration: Declaration): z.ZodObject {
  const shape: Record<string, z.ZodType> = { $schema: z.string().optional().describe('JSON Schema of this file, for editors; magi ignores it') };
  for (const question of declaration) {
    if (question.inAnswersFile === false) continue;
    shape[question.name] = question.schema.optional();
  }
  return z.strictObject(shape);
}

export function answerKeys(declaration: Declaration): string[] {
  return declaration.filter((question) => question.inAnswersFile !== false).map((question) => question.name);
}

/** The values worth keeping in `.yo-rc.json`: the questions the declaration marks `stored`. */
export function storedValues(declaration: Declaration, values: Record<string, unknown>): Record<string, unknown> {
  const stored = new Set(declaration.filter((question) => question.stored).map((question) => question.name));
  return Object.fromEntries(Object.entries(values).filter(([name, value]) => stored.has(name) && value !== undefined));
}

/** Yeoman option specs (name, type, description, alias), in declaration order. */
export function yeomanOptions(declaration: Declaration): Array<{
  name: string;
  type: typeof Boolean | typeof String;
  description: string;
  alias?: string;
}> {
  return declaration
    .filter((question) => question.option)
    .map((question) => ({
      name: question.option!.flag,
      type: question.option!.type === 'boolean' ? Boolean : String,
      description: question.description,
      ...(question.option!.alias ? { alias: question.option!.alias } : {}),
    }));
}

/** `--help` text: one line per option, aligned; `extra` rows (`['-h, --help', 'show this help']`) go last. */
export function helpLines(declaration: Declaration, extra: ReadonlyArray<readonly [string, string]> = []): string[] {
  const rows: Array<readonly [string, string]> = declaration
    .filter((question) => question.option)
    .map((question) => {
      const option = question.option!;
      const value = option.type === 'string' ? ` <${valueHint(question)}>` : '';
      const alias = option.alias ? `-${option.alias}, ` : '    ';
      return [`  ${alias}--${option.negated ? 'no-' : ''}${option.flag}${value}`, question.description] as const;
    });
  rows.push(...extra.map(([flag, text]) => [`  ${flag}`, text] as const));
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, text]) => flag.padEnd(width) + text);
}

function valueHint(question: QuestionSpec): string {
  const values = enumValues(question.schema);
  return values ? values.join('|') : question.name === 'answers' || question.name === 'openapi' ? 'file' : 'value';
}

export function enumValues(schema: z.ZodType): string[] | undefined {
  const options = (schema as unknown as { options?: unknown }).options;
  return Array.isArray(options) && options.every((value) => typeof value === 'string') ? (options as string[]) : undefined;
}

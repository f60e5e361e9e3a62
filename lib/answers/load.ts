// Reads and validates a non-interactive answers file (YAML or JSON).
// Every problem is reported as `file: key: problem`; nothing here throws
// anything but MagiError.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { EXIT, MagiError } from '../errors.js';
import { answerKeys, answersSchema, type Declaration } from './declaration.js';
import { findJsonError } from './json-position.js';

/** Answers files are small; anything larger is a mistake (or an attack). */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

export type Answers = Record<string, unknown>;

export function loadAnswersFile(file: string, declaration: Declaration, cwd = process.cwd()): Answers {
  const absolute = path.resolve(cwd, file);
  const label = path.relative(cwd, absolute) || file;
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new MagiError('answers-missing', `${label}: answers file not found; check the path given to --answers`);
  }
  if (stats.isDirectory()) {
    throw new MagiError('answers-directory', `${label}: is a directory; --answers takes a YAML or JSON file`);
  }
  if (!stats.isFile()) {
    throw new MagiError('answers-not-file', `${label}: is not a regular file (a FIFO or a device); --answers takes a YAML or JSON file`);
  }
  if (stats.size > MAX_ANSWERS_BYTES) {
    throw new MagiError('answers-too-large', `${label}: answers file is ${stats.size} bytes (limit ${MAX_ANSWERS_BYTES}); pass a small YAML or JSON file`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (cause) {
    throw new MagiError('answers-unreadable', `${label}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`, { cause });
  }
  return parseAnswers(bytes, label, declaration);
}

export function parseAnswers(bytes: Buffer | string, label: string, declaration: Declaration): Answers {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  if (buffer.includes(0)) {
    throw new MagiError('answers-binary', `${label}: is a binary file, not YAML or JSON; pass a text answers file`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    throw new MagiError('answers-encoding', `${label}: is not valid UTF-8; save the answers file as UTF-8`);
  }
  const key = `${label}\0${text}`;
  const seen = parsed.get(key);
  if (seen?.declaration === declaration) return structuredClone(seen.answers);
  const answers = validateAnswers(parseYamlOrJson(text, label), label, declaration);
  parsed.set(key, { declaration, answers: structuredClone(answers) });
  return answers;
}

// The bin checks the answers file before the run and the run reads it again: the same bytes are parsed once.
const parsed = new Map<string, { declaration: Declaration; answers: Answers }>();

function parseYamlOrJson(text: string, label: string): unknown {
  if (label.endsWith('.json') || /^\s*[{[]/.test(text)) {
    // Strict JSON first: YAML would accept `{"a": }` as a null value.
    const problem = findJsonError(text);
    if (problem) throw new MagiError('answers-syntax', `${label}: line ${problem.line}, column ${problem.column}: ${problem.reason}; fix the JSON syntax`);
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, strict: true });
  const error = document.errors[0];
  if (error) {
    const position = error.linePos?.[0];
    const where = position ? `line ${position.line}, column ${position.col}` : 'unknown position';
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '').replace(/:$/, '');
    throw new MagiError('answers-syntax', `${label}: ${where}: ${reason}; fix the YAML/JSON syntax`);
  }
  try {
    // A low alias budget defeats "billion laughs" alias bombs.
    return document.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new MagiError('answers-syntax', `${label}: ${reason}; simplify the YAML (no alias chains)`, { cause });
  }
}

export function validateAnswers(data: unknown, label: string, declaration: Declaration): Answers {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new MagiError('answers-shape', `${label}: must be a mapping of keys to values (got ${describe(data)}); see the README's answers file reference`);
  }
  const result = answersSchema(declaration).safeParse(data);
  if (result.success) return result.data as Answers;
  const problems = formatIssues(result.error.issues, label, answerKeys(declaration));
  // One line however many problems: the file named once, then each problem.
  const message = `${label}: ${problems.map((problem) => problem.slice(label.length + 2)).join('; ')}`;
  throw new MagiError('answers-invalid', message, { exitCode: EXIT.usage, hint: "fix the keys listed; the README's answers file reference names every key" });
}

/** Validates one value from the command line against its question's schema. */
export function validateOptionValue(declaration: Declaration, name: string, value: unknown, flag: string): unknown {
  const question = declaration.find((candidate) => candidate.name === name);
  if (!question) return value;
  const result = question.schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new MagiError('option-invalid', `--${flag}: ${issueMessage(issue)}; run with --help for the accepted values`);
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], label: string, knownKeys: string[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = [...issue.path.map(String), key].join('.');
        const known = issue.path.length === 0 ? knownKeys : [];
        const suggestion = nearest(key, known);
        lines.push(`${label}: ${at}: unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
      }
      continue;
    }
    const at = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    lines.push(`${label}: ${at}: ${issueMessage(issue)}`);
  }
  return lines;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${(issue.values as unknown[]).map(String).join(', ')}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a string' : typeof value;
}

/** The known key closest to `key` by edit distance, if it is close enough to be a typo. */
export function nearest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

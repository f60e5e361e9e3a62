// The answers-file parser never throws anything but our own error type (issue 7):
// random bytes, YAML-ish and JSON-ish text, and random objects serialised both ways.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import { backendSpecQuestions } from '../../generators/backend-spec/questions.js';
import { answerKeys } from '../../lib/answers/declaration.js';
import { parseAnswers } from '../../lib/answers/load.js';
import { EXIT, isMagiError, MagiError } from '../../lib/errors.js';
import { runs } from './arbitraries.js';

const keys = answerKeys(backendSpecQuestions);
const label = fc.constantFrom('answers.yaml', 'answers.json', 'a.yml', 'answers');
const exitCodes = new Set<number>(Object.values(EXIT));

/** Parses, and fails the property on anything thrown that is not a well-formed MagiError. */
function parsesOrRefuses(input: Buffer | string, file: string): void {
  let answers: unknown;
  try {
    answers = parseAnswers(input, file, backendSpecQuestions);
  } catch (error) {
    expect(error).toBeInstanceOf(MagiError);
    expect(isMagiError(error)).toBe(true);
    const { message, code } = error as MagiError;
    expect(exitCodes.has(code)).toBe(true);
    // Every problem names the file, and no placeholder leaks into what the user reads.
    expect(message.startsWith(`${file}:`)).toBe(true);
    expect(message).not.toMatch(/\b(NaN|undefined)\b|\[object Object\]/);
    return;
  }
  expect(typeof answers).toBe('object');
  expect(Array.isArray(answers)).toBe(false);
  for (const key of Object.keys(answers as object)) expect(keys).toContain(key);
}

const yamlToken = fc.oneof(
  fc.constantFrom(...keys),
  fc.constantFrom(':', ': ', '\n', '\r\n', '  ', '- ', '[', ']', '{', '}', ',', '"', "'", '? ', '|', '>-', '#', '---', '...', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n'),
  fc.constantFrom('&a ', '*a', '*b', '&b [*a, *a, *a] ', '!!str ', '!!binary ', '!!set ', '!!omap ', '!!timestamp ', '!!int ', '!custom ', '<<: '),
  fc.constantFrom('true', 'no', 'null', '~', '1e3', '0x1F', '0o17', '.inf', '-.nan', '2001-12-14', '3', '-1', 'rest', 'merge', 'api/openapi.yaml', '\\u0000', '\t'),
  fc.string({ maxLength: 8 }),
);
const yamlish = fc.array(yamlToken, { maxLength: 40 }).map((tokens) => tokens.join(''));

const jsonish = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\u0000', '\n', 'x', '{', '[', '/*'), fc.constantFrom('cut', 'insert', 'keep'))
  .map(([value, at, extra, how]) => {
    const text = JSON.stringify(value) ?? 'null';
    const index = at % (text.length + 1);
    if (how === 'cut') return text.slice(0, index);
    if (how === 'insert') return text.slice(0, index) + extra + text.slice(index);
    return text;
  });

/** Objects shaped like answers files: known keys (often with wrong values) and unknown ones. */
const answersLike = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });

/** Nesting deep enough to exhaust the stack of a recursive parser. */
const deepNesting = fc.oneof(
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => 'sprint: ' + '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.integer({ min: 1_000, max: 10_000 }).map((depth) => '- '.repeat(depth) + 'x'),
  fc.integer({ min: 100, max: 400 }).map((depth) => Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n') + ' x'),
);

it('random bytes are parsed or refused with a MagiError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), label, (bytes, file) => parsesOrRefuses(Buffer.from(bytes), file)),
    { numRuns: runs(1000) },
  );
});

it('random text (any unicode, lone surrogates included) is parsed or refused with a MagiError', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), label, (text, file) => parsesOrRefuses(text, file)),
    { numRuns: runs(1000) },
  );
});

it('YAML-ish and JSON-ish text is parsed or refused with a MagiError', () => {
  fc.assert(
    fc.property(fc.oneof(yamlish, jsonish), label, (text, file) => parsesOrRefuses(text, file)),
    { numRuns: runs(1500) },
  );
});

it('deeply nested YAML or JSON is refused with a MagiError, not a stack overflow', () => {
  fc.assert(
    fc.property(deepNesting, label, (text, file) => parsesOrRefuses(text, file)),
    { numRuns: runs(20) },
  );
});

it('random objects serialised as JSON or YAML are parsed or refused with a MagiError', () => {
  fc.assert(
    fc.property(fc.oneof(answersLike, fc.jsonValue({ maxDepth: 3 })), fc.boolean(), label, (value, asJson, file) => {
      const text = asJson ? JSON.stringify(value) : stringify(value);
      parsesOrRefuses(text, file);
    }),
    { numRuns: runs(800) },
  );
});

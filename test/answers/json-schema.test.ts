// The shipped answers-file JSON Schemas: generated from the zod declarations,
// equal to what the build writes, and in agreement with the loader on every
// answers file in examples/ and the fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../lib/answers/load.js';
import { ANSWERS_SCHEMAS, answersSchemaText } from '../../generators/shared/answers-schemas.js';
import { PACKAGE_ROOT } from '../helpers/example.js';

const FIXTURES = path.join(PACKAGE_ROOT, 'test/fixtures/answers');
const entry = (command: string) => ANSWERS_SCHEMAS.find((candidate) => candidate.command === command)!;

function validatorFor(command: string) {
  const schema = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, entry(command).file), 'utf8'));
  return new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
}

const filesIn = (folder: string): string[] => readdirSync(folder).map((name) => path.join(folder, name));

/** Every answers file we have, with the command it is for. */
const VALID: Array<[string, string]> = [
  [path.join(PACKAGE_ROOT, 'examples/magi-answers.yaml'), 'backend-spec'],
  ...ANSWERS_SCHEMAS.flatMap(({ command }) => filesIn(path.join(FIXTURES, command)).map((file) => [file, command] as [string, string])),
];
const INVALID = filesIn(path.join(FIXTURES, 'invalid'));
const label = (file: string) => path.relative(PACKAGE_ROOT, file);

describe('answers JSON Schema', () => {
  it.each(ANSWERS_SCHEMAS.map((item) => [item.file, item] as const))('%s is the one the declaration generates (run npm run build)', (file, item) => {
    expect(readFileSync(path.join(PACKAGE_ROOT, file), 'utf8')).toBe(answersSchemaText(item));
  });

  it('ships in the package', () => {
    const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    expect(manifest.files).toContain('schema');
    expect(readFileSync(path.join(PACKAGE_ROOT, 'scripts/bundle.mjs'), 'utf8')).toContain("import('./answers-schema.mjs')");
  });

  it('has fixtures for every command and for mistakes', () => {
    expect(new Set(VALID.map(([, command]) => command)).size).toBe(ANSWERS_SCHEMAS.length);
    expect(INVALID.length).toBeGreaterThanOrEqual(5);
  });

  it.each(VALID.map(([file, command]) => [label(file), command, file]))('%s is valid for %s, for the schema and the loader alike', (_, command, file) => {
    const validate = validatorFor(command);
    const data = parse(readFileSync(file, 'utf8')) ?? {};
    expect(validate(data) ? [] : validate.errors).toEqual([]);
    expect(() => parseAnswers(readFileSync(file), label(file), entry(command).declaration)).not.toThrow();
  });

  it.each(INVALID.map((file) => [label(file), file]))('%s is refused by the schema and by the loader', (_, file) => {
    const validate = validatorFor('backend-spec');
    expect(validate(parse(readFileSync(file, 'utf8')))).toBe(false);
    expect(() => parseAnswers(readFileSync(file), label(file), entry('backend-spec').declaration)).toThrow(/answers-invalid|:/);
  });

  it('accepts $schema and gives it to nobody', () => {
    const answers = parseAnswers('$schema: ./schema/answers.schema.json\napiStyle: grpc\n', 'a.yaml', entry('backend-spec').declaration);
    expect(answers).toEqual({ $schema: './schema/answers.schema.json', apiStyle: 'grpc' });
  });

  it('describes every key, with the choices of an enum', () => {
    const schema = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, entry('backend-spec').file), 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    const undocumented = Object.entries(schema.properties as Record<string, { description?: string }>).filter(([, value]) => !value.description).map(([key]) => key);
    expect(undocumented).toEqual([]);
    expect(schema.properties.conflict.enum).toEqual(['merge', 'overwrite', 'abort']);
    expect(schema.properties.force).toBeUndefined();
  });
});

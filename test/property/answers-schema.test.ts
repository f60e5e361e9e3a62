// The shipped JSON Schema and the loader's zod schema say the same thing:
// for random answers objects, one accepts exactly when the other does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ANSWERS_SCHEMAS } from '../../generators/shared/answers-schemas.js';
import { answerKeys } from '../../lib/answers/declaration.js';
import { validateAnswers } from '../../lib/answers/load.js';
import { PACKAGE_ROOT } from '../helpers/example.js';
import { runs } from './arbitraries.js';

const scalar = fc.oneof(
  fc.constantFrom('rest', 'graphql', 'merge', 'abort', 'auto', 'file', 'docs', '03-gift-cards', '', 'x\0y', 'zh-TW', 'express', 'order-refunds', 'Bad Slug'),
  fc.boolean(),
  fc.integer({ min: -3, max: 40 }),
  fc.double({ noNaN: true, min: -2, max: 2 }),
  fc.constant(null),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('auth', 'roles', 'ownership', 'justification', 'language', 'db', 'service', 'GET /x', 'other'), tie('any'), { maxKeys: 3 })),
})).any;

it.each(ANSWERS_SCHEMAS.map((entry) => [entry.command, entry] as const))('%s: JSON Schema and zod agree on random answers', (_, entry) => {
  const schema = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, entry.file), 'utf8'));
  const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
  const keys = [...answerKeys(entry.declaration), '$schema', 'force', 'unknownKey'];
  let accepted = 0;
  fc.assert(
    // Keys often get a value of the right kind and sometimes a NUL byte: the edges a schema can miss.
    fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(value, fc.constantFrom('x\0y', 'docs', 'rest', true, 3)), { maxKeys: 4 }), (answers) => {
      let zodAccepts = true;
      try {
        validateAnswers(answers, 'answers.yaml', entry.declaration);
      } catch {
        zodAccepts = false;
      }
      if (zodAccepts) accepted++;
      expect(validate(answers)).toBe(zodAccepts);
    }),
    { numRuns: runs(400) },
  );
  // Both verdicts were reached: the property compared something.
  expect(accepted).toBeGreaterThan(0);
});

// Which answers-file JSON Schema each command ships, and where (schema/ in the package).
import type { Declaration } from '../../lib/answers/declaration.js';
import { answersJsonSchema } from '../../lib/answers/json-schema.js';
import { backendSpecQuestions } from '../backend-spec/questions.js';
import { contractTestQuestions } from '../contract-test/questions.js';
import { setupQuestions } from '../setup/questions.js';

export const ANSWERS_SCHEMAS: ReadonlyArray<{ command: string; file: string; declaration: Declaration }> = [
  { command: 'backend-spec', file: 'schema/answers.schema.json', declaration: backendSpecQuestions },
  { command: 'contract-test', file: 'schema/contract-test.answers.schema.json', declaration: contractTestQuestions },
  { command: 'setup', file: 'schema/setup.answers.schema.json', declaration: setupQuestions },
];

/** The file's exact text: what the build writes and the test compares. */
export function answersSchemaText(entry: (typeof ANSWERS_SCHEMAS)[number]): string {
  return `${JSON.stringify(answersJsonSchema(entry.declaration, entry.command), null, 2)}\n`;
}

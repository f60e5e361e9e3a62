// The answers file as a JSON Schema (draft 2020-12), generated from the same
// zod schemas that validate it, so editors can complete and check the file.
// `scripts/answers-schema.mjs` writes it to schema/ at build time; a test
// keeps the shipped files equal to this output.
import { z } from 'zod';
import { answersSchema, type Declaration } from './declaration.js';

export function answersJsonSchema(declaration: Declaration, command: string): Record<string, unknown> {
  const described = declaration.map((question) => ({ ...question, schema: question.schema.describe(question.description) }));
  // `io: 'input'`: the file holds what the user writes (a sprint number), not what it becomes (a string).
  const generated = z.toJSONSchema(answersSchema(described), { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `generator-magi ${command} answers file`,
    description: `Answers for \`magi ${command} --answers <file>\` (YAML or JSON): every key is optional and replaces a prompt.`,
    ...rest,
  };
}

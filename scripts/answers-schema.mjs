// Writes the answers-file JSON Schemas (schema/*.json) from the compiled
// declarations in dist/: the zod schemas that validate answers files are their source.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ANSWERS_SCHEMAS, answersSchemaText } from '../dist/generators/shared/answers-schemas.js';

for (const entry of ANSWERS_SCHEMAS) {
  mkdirSync(path.dirname(entry.file), { recursive: true });
  writeFileSync(entry.file, answersSchemaText(entry));
}

// Small pure helpers the form renderers share: model names from table names,
// quoting, and a default's value in each language.

import { pascalCase, singular } from '../../naming/index.js';
import type { DefaultValue, FormColumn } from './types.js';

/** The class/model name of a table: written as a class already (`Refund`) or singular PascalCase (`refunds` → `Refund`). */
export function modelName(table: string): string {
  return /^[A-Z]/.test(table) && !table.includes('_') ? table : pascalCase(singular(table));
}

/** A double-quoted string literal (JSON's escaping is valid in Python, Ruby, TypeScript and Prisma). */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** A constant default as a literal of a C-like language (numbers and booleans bare, strings quoted). */
export function constantLiteral(value: string | number | boolean): string {
  return typeof value === 'string' ? quoted(value) : String(value);
}

/** The SQL text of a default. */
export function sqlDefault(value: DefaultValue, database: string | undefined): string {
  switch (value.kind) {
    case 'constant':
      return typeof value.value === 'string' ? `'${value.value.replace(/'/g, "''")}'` : String(value.value);
    case 'now':
      return database === 'postgres' ? 'now()' : 'CURRENT_TIMESTAMP';
    case 'uuid':
      return database === 'mysql' ? '(uuid())' : 'gen_random_uuid()';
    case 'sql':
      return value.sql;
  }
}

/** `Rails` symbols and Python identifiers: a name that is not a plain identifier is quoted. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

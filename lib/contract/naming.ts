// Contract-specific naming (identifier fields, slugs, enum type names); casing
// and number come from the naming kit.
import { isKeyName, pascalCase, words } from '../naming/index.js';

/** Identifier-like field names: their type is known without a statement (the repository's key type, else an opaque string, AIP-122). */
export const isIdentifierName = isKeyName;

/** A lowercase slug for file names and scope segments. */
export function slug(name: string): string {
  return words(name).join('-') || 'api';
}

/**
 * The enum type a field's values get in a schema language (GraphQL, proto):
 * a field with the same name and values reuses the enum already declared.
 */
export function enumTypeName(fieldName: string, values: readonly string[], owner: string, enums: Map<string, readonly string[]>, taken: ReadonlySet<string> = new Set()): string {
  const suffix = pascalCase(fieldName);
  const key = JSON.stringify(values);
  const same = [...enums.entries()].find(([name, known]) => name.endsWith(suffix) && JSON.stringify(known) === key);
  if (same) return same[0];
  // One definition per name: a type of the same name (a resource `EventRegistrationPolicy`) or another
  // value set under this name takes the plain name first.
  const base = `${owner}${suffix}`;
  let name = base;
  for (let n = 1; enums.has(name) || taken.has(name); n++) name = n === 1 ? `${base}Enum` : `${base}Enum${n}`;
  enums.set(name, values);
  return name;
}

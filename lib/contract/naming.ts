// Name transformations shared by the contract builders. Pure string helpers.

const IRREGULAR_SINGULARS: Record<string, string> = {
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  data: 'data',
  media: 'media',
  series: 'series',
  news: 'news',
  statuses: 'status',
  analyses: 'analysis',
  indices: 'index',
};

/** Words split on case changes, digits boundaries, `_`, `-`, `.`, spaces. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

export function pascalCase(name: string): string {
  return words(name)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export function snakeCase(name: string): string {
  return words(name).join('_');
}

export function upperSnakeCase(name: string): string {
  return snakeCase(name).toUpperCase();
}

/** `createOrderRefund` → `Create order refund`. */
export function humanize(name: string): string {
  const text = words(name).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function singularize(word: string): string {
  const lower = word.toLowerCase();
  if (IRREGULAR_SINGULARS[lower]) return IRREGULAR_SINGULARS[lower];
  if (/ies$/.test(lower) && lower.length > 3) return lower.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh|zz)es$/.test(lower)) return lower.slice(0, -2);
  if (/ses$/.test(lower)) return lower.slice(0, -1);
  if (/[^s]s$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

export function looksPlural(word: string): boolean {
  const lower = word.toLowerCase();
  return singularize(lower) !== lower || lower in IRREGULAR_SINGULARS;
}

/** Identifier-like field names whose wire type is an opaque string by convention (AIP-122). */
export function isIdentifierName(name: string): boolean {
  return name === 'id' || /(_id|Id)$/.test(name);
}

/** A lowercase slug for file names and scope segments. */
export function slug(name: string): string {
  return words(name).join('-') || 'api';
}

/**
 * The enum type a field's values get in a schema language (GraphQL, proto):
 * a field with the same name and values reuses the enum already declared.
 */
export function enumTypeName(fieldName: string, values: readonly string[], owner: string, enums: Map<string, readonly string[]>): string {
  const suffix = pascalCase(fieldName);
  const key = JSON.stringify(values);
  const same = [...enums.entries()].find(([name, known]) => name.endsWith(suffix) && JSON.stringify(known) === key);
  if (same) return same[0];
  const name = `${owner}${suffix}`;
  enums.set(name, values);
  return name;
}

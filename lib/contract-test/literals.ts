// Source literals for the generated files, one quoting style per language
// (TypeScript single quotes, Python/Ruby/Go/Rust double quotes).

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function tsString(value: string): string {
  const json = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${json}'`;
}

export function tsLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([key, item]) => `${IDENTIFIER.test(key) ? key : tsString(key)}: ${tsLiteral(item)}`).join(', ')} }`;
}

/** Double-quoted string, valid in Python, Ruby (no interpolation), Go and Rust. */
export function dqString(value: string): string {
  return JSON.stringify(value).replace(/#\{/g, '\\#{');
}

export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([key, item]) => `${JSON.stringify(key)}: ${pyLiteral(item)}`).join(', ')}}`;
}

export function rubyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return dqString(value);
  if (Array.isArray(value)) return `[${value.map(rubyLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([key, item]) => `${/^[a-z_][a-zA-Z0-9_]*$/.test(key) ? `${key}:` : `${dqString(key)} =>`} ${rubyLiteral(item)}`).join(', ')} }`;
}

/** Go string literal: a raw string when it can be one. */
export function goString(value: string): string {
  return value.includes('`') ? JSON.stringify(value) : `\`${value}\``;
}

/** Rust raw string literal with enough hashes. */
export function rustRawString(value: string): string {
  let hashes = '#';
  while (value.includes(`"${hashes}`)) hashes += '#';
  return `r${hashes}"${value}"${hashes}`;
}

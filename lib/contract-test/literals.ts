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

/** A lone UTF-16 surrogate cannot be written in Go, Rust or Ruby source: it becomes U+FFFD. */
const wellFormed = (value: string): string => value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * Double-quoted string, valid in Python, Go and Rust alike: JSON's escapes
 * except `\b`, `\f` and `\u00XX`, which Rust does not read; those become `\xHH`.
 */
export function dqString(value: string): string {
  return JSON.stringify(wellFormed(value))
    .replace(/\\(\\)|\\b|\\f|\\u00([0-7][0-9a-f])/g, (match, backslash: string | undefined, hex: string | undefined) =>
      backslash ? match : hex ? `\\x${hex}` : match === '\\b' ? '\\x08' : '\\x0c',
    );
}

/** Ruby double-quoted string: no interpolation (`#{`, `#@`, `#$` escaped). */
export function rbString(value: string): string {
  return dqString(value).replace(/#(?=[{@$])/g, '\\#');
}

/**
 * Text for a comment line (or a docstring, or a test title): one line, control
 * characters and line separators shown as escapes, and no `*\/` to end a block comment.
 */
export function commentText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return wellFormed(value)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) =>
      char === '\n' ? '\\n' : char === '\r' ? '\\r' : char === '\t' ? '\\t' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/\*\//g, '* /');
}

/** Text inside a Python docstring: a comment's text with backslashes escaped, and no run of quotes that could close it. */
export function pyDoc(value: string, beforeClosingQuotes = false): string {
  const text = commentText(value).replace(/\\/g, '\\\\').replace(/"(?=")/g, '\\"');
  return beforeClosingQuotes ? text.replace(/"$/, '\\"') : text;
}

export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return dqString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([key, item]) => `${dqString(key)}: ${pyLiteral(item)}`).join(', ')}}`;
}

export function rubyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return rbString(value);
  if (Array.isArray(value)) return `[${value.map(rubyLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([key, item]) => `${/^[a-z_][a-zA-Z0-9_]*$/.test(key) ? `${key}:` : `${rbString(key)} =>`} ${rubyLiteral(item)}`).join(', ')} }`;
}

/** Go string literal: a raw string when it can be one. */
export function goString(value: string): string {
  // A raw string drops carriage returns and cannot hold a backquote or a lone surrogate.
  return /[`\r]/.test(value) || wellFormed(value) !== value ? dqString(value) : `\`${value}\``;
}

/** Rust raw string literal with enough hashes. */
export function rustRawString(value: string): string {
  let hashes = '#';
  while (value.includes(`"${hashes}`)) hashes += '#';
  return `r${hashes}"${value}"${hashes}`;
}

// Formatting helpers the templates use (Markdown mechanics only, no wording).

import type { BackendSpec } from '../model/index.js';
import { oneLine } from '../text.js';

export function code(value: string | number): string {
  // A name from the repository (a file name with a newline) stays on its line: it cannot start a heading.
  const text = oneLine(String(value));
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(...(text.match(/`+/g) ?? ['']).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks} ${text} ${ticks}`;
}

/** A table cell: pipes escaped, one line. */
export function cell(value: string): string {
  return oneLine(value.replace(/\s*\n\s*/g, ' ')).replace(/\|/g, '\\|');
}

export function fence(language: string, text: string): string {
  const longest = Math.max(2, ...(text.match(/^`{3,}/gm) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language || 'text'}\n${text.replace(/\n+$/, '')}\n${ticks}`;
}

export function helpers(spec: BackendSpec) {
  return {
    code,
    cell,
    fence,
    codes: (values: Array<string | number>, separator = ', ') => values.map(code).join(separator),
    /** Count lines of a text (for "N lines" notes). */
    lineCount: (text: string) => text.replace(/\n+$/, '').split('\n').length,
    /** The sprint's relative link to a file beside the plan document. */
    link: (file: string) => `[${oneLine(file).replace(/[[\]]/g, '\\$&')}](${linkTarget(file)})`,
    warningsBy: (codeName: string) => spec.warnings.filter((w) => w.code === codeName),
  };
}

export type Helpers = ReturnType<typeof helpers>;

/** A link destination on one line: spaces, parentheses, angle brackets and control characters percent-encoded. */
function linkTarget(file: string): string {
  // eslint-disable-next-line no-control-regex
  return file.replace(/[\s()<>\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(char);
  });
}

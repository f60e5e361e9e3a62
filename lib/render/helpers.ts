// Formatting helpers the templates use (Markdown mechanics only, no wording).

import type { BackendSpec } from '../model/index.js';

export function code(value: string | number): string {
  const text = String(value);
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(...(text.match(/`+/g) ?? ['']).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks} ${text} ${ticks}`;
}

/** A table cell: pipes escaped, one line. */
export function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
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
    link: (file: string) => `[${file}](${file.replace(/ /g, '%20')})`,
    warningsBy: (codeName: string) => spec.warnings.filter((w) => w.code === codeName),
  };
}

export type Helpers = ReturnType<typeof helpers>;

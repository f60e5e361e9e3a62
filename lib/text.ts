// Text from the repository or a contract (file names, names, examples) shown to
// a person: in a one-line message, a Markdown line, or the terminal. Control
// characters and line separators are shown as escapes, never sent raw: a file
// name cannot add a heading to SPEC.md or an escape sequence to the terminal.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeChar(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line: every control character (newlines included) as an escape. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/** For the terminal: lines and tabs kept, every other control character (ESC, CR, BEL …) as an escape. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_EXCEPT_LINES, escapeChar);
}

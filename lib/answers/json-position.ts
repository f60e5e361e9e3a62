// Where a JSON text first goes wrong, as line and column. JSON.parse on Node 20
// often names only the token, not its position; a small scanner finds it.

export interface JsonErrorPosition {
  line: number;
  column: number;
  reason: string;
}

export function findJsonError(text: string): JsonErrorPosition | undefined {
  let index = 0;
  const fail = (reason: string): never => {
    throw Object.assign(new Error(reason), { at: index });
  };
  const space = () => {
    while (index < text.length && ' \t\r\n'.includes(text[index])) index++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, index)) index += word.length;
    else fail(`unexpected ${describe(text[index])}`);
  };
  const string = () => {
    index++;
    while (index < text.length && text[index] !== '"') {
      if (text[index] === '\\') index++;
      else if (text.charCodeAt(index) < 0x20) fail('control character in string');
      index++;
    }
    if (index >= text.length) fail('unterminated string');
    index++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index, index + 400));
    if (!match) fail(`unexpected ${describe(text[index])}`);
    index += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[index];
    if (char === '{') return container('}', true);
    if (char === '[') return container(']', false);
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char >= '0' && char <= '9')) return number();
    fail(index >= text.length ? 'unexpected end of input' : `unexpected ${describe(char)}`);
  };
  const container = (close: string, keyed: boolean) => {
    index++;
    space();
    if (text[index] === close) {
      index++;
      return;
    }
    for (;;) {
      if (keyed) {
        space();
        if (text[index] !== '"') fail(`expected a "key", found ${describe(text[index])}`);
        string();
        space();
        if (text[index] !== ':') fail(`expected ":", found ${describe(text[index])}`);
        index++;
      }
      value();
      space();
      if (text[index] === ',') {
        index++;
        continue;
      }
      if (text[index] === close) {
        index++;
        return;
      }
      fail(`expected "," or "${close}", found ${describe(text[index])}`);
    }
  };
  try {
    value();
    space();
    if (index < text.length) fail(`unexpected ${describe(text[index])} after the JSON value`);
    return undefined;
  } catch (error) {
    // Only our own failures carry `at`; anything else here is the stack running out on deep nesting.
    const own = typeof (error as { at?: unknown }).at === 'number';
    const at = own ? (error as { at: number }).at : index;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return { line, column, reason: own ? (error as Error).message : 'nested too deeply' };
  }
}

function describe(char: string | undefined): string {
  return char === undefined ? 'end of input' : `"${char}"`;
}

// The generated contract as YAML, byte for byte what `yaml`'s stringify gives
// with our options, in a fraction of the time: the contract is plain data (maps,
// lists, one-line strings, numbers), so only the block structure is written
// here and every scalar is still formatted by `yaml` itself, once per distinct
// value (a multi-line string's block moved to its depth). Anything else (a long
// key, a value that is not plain data) hands the whole document to `yaml`.
import { stringify } from 'yaml';

export const YAML_OPTIONS = { indent: 2, lineWidth: 0, aliasDuplicateObjects: false } as const;

const FALLBACK = Symbol('fallback');

/**
 * A string yaml writes as it is, as a key or a value: a name or a path (`type`, `/v1/cards/{id}`,
 * `#/components/schemas/Card` is not one). Checked against yaml in the tests; anything else asks yaml.
 */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./{}-]*$/;
const RESERVED = /^(?:true|false|null|True|False|Null|TRUE|FALSE|NULL)$/;
const isPlain = (text: string): boolean => PLAIN.test(text) && !RESERVED.test(text);
/** yaml quotes a line that starts like a document marker by its depth, so such a text goes to yaml whole. */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;

export function stringifyYaml(value: unknown): string {
  if (!isMap(value) || Object.keys(value).length === 0) return stringify(value, YAML_OPTIONS);
  try {
    const lines: string[] = [];
    new Emitter(lines).map(value, 0);
    return `${lines.join('\n')}\n`;
  } catch (error) {
    if (error === FALLBACK) return stringify(value, YAML_OPTIONS);
    throw error;
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

class Emitter {
  private readonly keys = new Map<string, string>();
  private readonly scalars = new Map<unknown, string>();

  constructor(private readonly lines: string[]) {}

  map(value: Record<string, unknown>, indent: number): void {
    const pad = ' '.repeat(indent);
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const head = `${pad}${this.key(key)}:`;
      if (isMap(item) && Object.keys(item).length) {
        this.lines.push(head);
        this.map(item, indent + 2);
      } else if (Array.isArray(item) && item.length) {
        this.lines.push(head);
        this.list(item, indent + 2);
      } else this.push(`${head} `, this.scalar(item), indent);
    }
  }

  /** A scalar after `prefix`; a block scalar's lines (yaml's, at indent 2) move to this depth. */
  private push(prefix: string, text: string, indent: number): void {
    const newline = text.indexOf('\n');
    if (newline < 0) {
      this.lines.push(prefix + text);
      return;
    }
    this.lines.push(prefix + text.slice(0, newline));
    const pad = ' '.repeat(indent);
    for (const line of text.slice(newline + 1).split('\n')) this.lines.push(line ? pad + line : line);
  }

  list(value: unknown[], indent: number): void {
    const pad = ' '.repeat(indent);
    for (const item of value) {
      const nested = (isMap(item) && Object.keys(item).length) || (Array.isArray(item) && item.length);
      if (!nested) {
        this.push(`${pad}- `, this.scalar(item), indent);
        continue;
      }
      // The item's first line shares the dash's line: `- name: id`, `- - a`.
      const first = this.lines.length;
      if (Array.isArray(item)) this.list(item, indent + 2);
      else this.map(item as Record<string, unknown>, indent + 2);
      this.lines[first] = `${pad}- ${this.lines[first].slice(indent + 2)}`;
    }
  }

  private key(key: string): string {
    if (isPlain(key)) return key;
    let text = this.keys.get(key);
    if (text === undefined) {
      if (DOCUMENT_MARKER.test(key)) throw FALLBACK;
      const written = stringify({ [key]: null }, YAML_OPTIONS);
      if (key.length > 512 || !written.endsWith(': null\n') || written.startsWith('? ') || written.slice(0, -7).includes('\n')) throw FALLBACK;
      text = written.slice(0, -7);
      this.keys.set(key, text);
    }
    return text;
  }

  private scalar(value: unknown): string {
    if (value === null) return 'null';
    if (isMap(value)) return '{}';
    if (Array.isArray(value)) return '[]';
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw FALLBACK;
    // The memo's keys compare 0 and -0 as one value; yaml writes them apart.
    if (Object.is(value, -0)) return '-0';
    if (typeof value === 'string' && isPlain(value)) return value;
    let text = this.scalars.get(value);
    if (text === undefined) {
      if (typeof value === 'string' && DOCUMENT_MARKER.test(value)) throw FALLBACK;
      // As a map's value at the top: a block scalar's lines come indented by 2, which `push` moves.
      const written = stringify({ k: value }, YAML_OPTIONS);
      if (!written.startsWith('k: ') || !written.endsWith('\n')) throw FALLBACK;
      text = written.slice(3, -1);
      this.scalars.set(value, text);
    }
    return text;
  }
}

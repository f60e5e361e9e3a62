// A minimal value that satisfies a JSON Schema (OpenAPI 3.0 or 3.1 flavour), for
// request bodies and parameters the contract gives no example for. Deterministic:
// the same schema always gives the same value. What it cannot satisfy is a gap.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A valid literal per string format (JSON Schema / OpenAPI format registry). */
const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00Z',
  duration: 'PT1M',
  uri: 'https://example.com/',
  iri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': '/',
  'iri-reference': '/',
  'uri-template': 'https://example.com/{id}',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'AA==',
  binary: 'x',
  password: 'Passw0rd!',
  'json-pointer': '/a',
  'relative-json-pointer': '0',
  regex: '.*',
  int32: '1',
  int64: '1',
};

/** Property names that tell the format when the schema does not. */
const NAME_HINTS: ReadonlyArray<[RegExp, string]> = [
  [/e-?mail/i, 'email'],
  [/(^|_)(url|uri|href|link)$|(Url|URL|Uri|Href|Link)$/, 'uri'],
  [/(^|_)(date_?time|timestamp)$|_at$|At$/, 'date-time'],
  [/(^|_)date$|Date$/, 'date'],
];

/** Strings tried against a `pattern` when there is no format, first match wins. */
const PATTERN_CANDIDATES = ['string', 'EUR', 'ABC', 'abc', 'A', 'a', '1', '123', 'A1', 'a1', 'ABC-123', 'abc-123', 'abc_123', '2026-01-01', 'example.com', 'user@example.com', '00000000-0000-4000-8000-000000000000'];

export interface Synthesized {
  value?: unknown;
  /** Why no valid value could be made; the value is undefined then. */
  gap?: string;
}

export interface SynthesizeOptions {
  resolve: (node: unknown) => unknown;
  /** Leaves readOnly properties out (request bodies). */
  writing?: boolean;
  /** Property name, for format hints. */
  name?: string;
}

const MAX_DEPTH = 12;

function firstType(schema: Json): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((type): type is string => typeof type === 'string' && type !== 'null') ?? (schema.type.includes('null') ? 'null' : undefined);
  if (isObject(schema.properties) || Array.isArray(schema.required)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function numberFor(schema: Json, integer: boolean): Synthesized {
  const step = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  // 3.0 writes exclusiveMinimum as a boolean beside minimum; 3.1 as a number.
  let low: number | undefined;
  let lowExclusive = false;
  if (typeof schema.minimum === 'number') { low = schema.minimum; lowExclusive = schema.exclusiveMinimum === true; }
  if (typeof schema.exclusiveMinimum === 'number' && (low === undefined || schema.exclusiveMinimum >= low)) { low = schema.exclusiveMinimum; lowExclusive = true; }
  let high: number | undefined;
  let highExclusive = false;
  if (typeof schema.maximum === 'number') { high = schema.maximum; highExclusive = schema.exclusiveMaximum === true; }
  if (typeof schema.exclusiveMaximum === 'number' && (high === undefined || schema.exclusiveMaximum <= high)) { high = schema.exclusiveMaximum; highExclusive = true; }
  const above = (value: number): boolean => low === undefined || (lowExclusive ? value > low : value >= low);
  const below = (value: number): boolean => high === undefined || (highExclusive ? value < high : value <= high);
  const fits = (value: number): boolean => above(value) && below(value) && (!integer || Number.isInteger(value)) && (step === undefined || Number.isInteger(value / step));
  // A positive amount reaches the happy path more often than zero; otherwise the lowest allowed value.
  const lowest = low === undefined ? undefined : integer ? (lowExclusive ? Math.floor(low) + 1 : Math.ceil(low)) : lowExclusive ? low + 1 : low;
  const highest = high === undefined ? undefined : integer ? (highExclusive ? Math.ceil(high) - 1 : Math.floor(high)) : highExclusive ? high - 1 : high;
  const candidates = [lowest ?? 1, highest, low !== undefined && high !== undefined ? (low + high) / 2 : undefined]
    .filter((value): value is number => value !== undefined)
    .flatMap((value) => (step === undefined ? [value] : [Math.ceil(value / step) * step, Math.floor(value / step) * step]));
  const found = candidates.find(fits);
  if (found !== undefined) return { value: found };
  const bounds = Object.fromEntries(['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf'].filter((key) => key in schema).map((key) => [key, schema[key]]));
  return { gap: `no ${integer ? 'integer' : 'number'} fits ${JSON.stringify(bounds)}` };
}

function stringFor(schema: Json, name: string | undefined): Synthesized {
  const hinted = name ? NAME_HINTS.find(([test]) => test.test(name))?.[1] : undefined;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : undefined;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const fits = (text: string): boolean => {
    if (text.length < min || text.length > max) return false;
    if (!pattern) return true;
    try {
      return new RegExp(pattern, 'u').test(text);
    } catch {
      return false;
    }
  };
  const candidates = [
    ...(format && FORMAT_EXAMPLES[format] ? [FORMAT_EXAMPLES[format]] : []),
    ...(hinted && !format ? [FORMAT_EXAMPLES[hinted]] : []),
    ...(pattern ? PATTERN_CANDIDATES : ['string']),
  ];
  const found = candidates.find(fits);
  if (found !== undefined) return { value: found };
  if (!pattern && (!format || !FORMAT_EXAMPLES[format])) {
    const sized = 'string'.padEnd(min, 'x').slice(0, max);
    if (fits(sized)) return { value: sized };
  }
  return { gap: pattern ? `a string matching ${pattern}${name ? ` for "${name}"` : ''}` : `a ${format ?? 'string'} value${name ? ` for "${name}"` : ''}` };
}

/** Merges allOf branches into one object schema (properties and required lists). */
function mergeAllOf(schema: Json, resolve: (node: unknown) => unknown): Json {
  const parts = [schema, ...(schema.allOf as unknown[]).map(resolve).filter(isObject)];
  const merged: Json = { ...schema };
  delete merged.allOf;
  const properties: Json = {};
  const required = new Set<string>();
  for (const part of parts) {
    const flat = Array.isArray(part.allOf) && part !== schema ? mergeAllOf(part, resolve) : part;
    if (isObject(flat.properties)) Object.assign(properties, flat.properties);
    if (Array.isArray(flat.required)) for (const key of flat.required) if (typeof key === 'string') required.add(key);
    for (const [key, value] of Object.entries(flat)) if (!(key in merged) && key !== 'properties' && key !== 'required' && key !== 'allOf') merged[key] = value;
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function synthesizeAt(node: unknown, options: SynthesizeOptions, depth: number, topLevel: boolean): Synthesized {
  if (depth > MAX_DEPTH) return { gap: 'a value for a schema that nests too deep (recursive $ref?)' };
  const resolved = options.resolve(node);
  if (resolved === true || resolved === undefined) return { value: 'string' };
  if (!isObject(resolved)) return { gap: 'a value for a schema that allows nothing' };
  let schema: Json = resolved;
  if ('example' in schema) return { value: schema.example };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  if ('const' in schema) return { value: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { value: schema.enum.find((item) => item !== null) ?? schema.enum[0] };
  if ('default' in schema) return { value: schema.default };
  if (Array.isArray(schema.allOf)) schema = mergeAllOf(schema, options.resolve);
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (branches && firstType(schema) === undefined) {
    for (const branch of branches) {
      const result = synthesizeAt(branch, options, depth + 1, topLevel);
      if (result.gap === undefined) return result;
    }
    return { gap: 'a value for any branch of a oneOf/anyOf' };
  }
  const json = schema;
  switch (firstType(json)) {
    case 'null': return { value: null };
    case 'boolean': return { value: false };
    case 'integer': return numberFor(json, true);
    case 'number': return numberFor(json, false);
    case 'string': return stringFor(json, options.name);
    case 'array': {
      const count = Math.max(1, typeof json.minItems === 'number' ? json.minItems : 1);
      const item = synthesizeAt(json.items ?? {}, { ...options, name: undefined }, depth + 1, false);
      if (item.gap !== undefined) return item;
      return { value: Array.from({ length: count }, () => item.value) };
    }
    case 'object': {
      const properties = isObject(json.properties) ? json.properties : {};
      const required = Array.isArray(json.required) ? json.required.filter((key): key is string => typeof key === 'string') : [];
      // An empty body rarely reaches the happy path: when the top level requires nothing, fill what it lists.
      const keys = required.length > 0 || !topLevel ? required : Object.keys(properties);
      const value: Json = {};
      for (const key of keys) {
        const property = options.resolve(properties[key]);
        if (options.writing && isObject(property) && property.readOnly === true && !required.includes(key)) continue;
        const result = synthesizeAt(properties[key] ?? {}, { ...options, name: key }, depth + 1, false);
        if (result.gap !== undefined) return result;
        value[key] = result.value;
      }
      return { value };
    }
    default: return { value: 'string' };
  }
}

export function synthesize(schema: unknown, options: SynthesizeOptions): Synthesized {
  return synthesizeAt(schema, options, 0, true);
}

// From the model's columns to the forms' column kinds and defaults: one mapping
// every form shares, so `timestamp`, `timestamptz` and `created_at` agree.

import type { Column } from '../../types.js';
import type { KeyType } from '../../knowledge/index.js';
import type { ColumnKind, DefaultValue } from './types.js';

const STATED: Array<[RegExp, ColumnKind]> = [
  [/^uuid$/, 'uuid'],
  [/^(big ?int|int8|bigserial|int64|long)$/, 'bigint'],
  [/^(int|integer|int4|int2|smallint|serial|int32|tinyint|mediumint)$/, 'integer'],
  [/^(bool|boolean)$/, 'boolean'],
  [/^(timestamp|timestamptz|datetime|date-time|timestamp with(out)? time zone)$/, 'timestamptz'],
  [/^date$/, 'date'],
  [/^(numeric|decimal|money|number|float|double|real|double precision)$/, 'numeric'],
  [/^(json|jsonb|object)$/, 'jsonb'],
  [/^enum$/, 'enum'],
];

function keyKind(key: KeyType | undefined): ColumnKind {
  return key === 'uuid' ? 'uuid' : key === 'integer' ? 'integer' : key === 'string' ? 'text' : 'bigint';
}

/** The kind of a column: its stated type, else what its name says (the same vocabulary as the SQL types). */
export function columnKind(column: Column, key: KeyType | undefined): ColumnKind {
  if (column.enum?.length) return 'enum';
  // `Date` as written (a TypeScript or Java property type) is an instant; only the lowercase SQL word is a day.
  const stated = column.type === 'Date' ? 'timestamp' : column.type?.toLowerCase().replace(/\s*\(.*\)$/, '').trim();
  if (stated) return STATED.find(([pattern]) => pattern.test(stated))?.[1] ?? 'text';
  const name = column.name;
  if (/^id$/i.test(name) || column.references) return keyKind(key);
  if (/(?:_(?:cents|count|total)|[a-z0-9](?:Cents|Count|Total))$/.test(name)) return 'integer';
  if (/(?:_at|[a-z0-9]At)$/.test(name)) return 'timestamptz';
  if (/^(?:date|.*_date|.*[a-z0-9]Date)$/.test(name)) return 'date';
  if (/^(?:is|has)(?:_|[A-Z])/.test(name)) return 'boolean';
  return 'text';
}

/** `numeric(10,2)` → 10 digits, scale 2. */
export function precisionOf(column: Column): { digits: number; scale: number } | undefined {
  const match = /^\s*(?:numeric|decimal)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)/i.exec(column.type ?? '');
  return match ? { digits: Number(match[1]), scale: Number(match[2] ?? 0) } : undefined;
}

/** A stated default, read: numbers and booleans as themselves, `now()` and uuid generators by meaning, other calls as SQL. */
export function defaultOf(value: string | undefined, kind: ColumnKind): DefaultValue | undefined {
  if (value === undefined || /^null$/i.test(value.trim())) return undefined;
  const text = value.trim();
  if (/^(now\(\)|current_timestamp(\(\))?|localtimestamp|transaction_timestamp\(\))$/i.test(text)) return { kind: 'now' };
  if (/^(gen_random_uuid|uuid_generate_v4|uuid)\(\)$/i.test(text)) return { kind: 'uuid' };
  if (/\(/.test(text)) return { kind: 'sql', sql: text };
  if (/^(true|false)$/i.test(text)) return { kind: 'constant', value: kind === 'integer' || kind === 'bigint' ? Number(/^true$/i.test(text)) : /^true$/i.test(text) };
  if (/^-?\d+(\.\d+)?$/.test(text) && kind !== 'text' && kind !== 'enum' && kind !== 'uuid') return { kind: 'constant', value: Number(text) };
  return { kind: 'constant', value: text.replace(/^'(.*)'$/, '$1') };
}

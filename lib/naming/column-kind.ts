// What a column's name alone says about its type, by the naming vocabulary
// (snake_case or camelCase): `*_at` instants, `is_*` flags, `*_cents` counts,
// money, dates. Undefined when the name says nothing, so the type stays a question.
import { plural } from './number.js';

export type ColumnKind = 'integer' | 'money' | 'instant' | 'date' | 'boolean';

export function columnKindOf(name: string): ColumnKind | undefined {
  if (/(?:_(?:cents|count|total)|[a-z0-9](?:Cents|Count|Total))$/.test(name)) return 'integer';
  if (/^(?:quantity|qty)$|(?:_(?:quantity|qty)|[a-z0-9](?:Quantity|Qty))$/.test(name)) return 'integer';
  if (/^(?:amount|price|balance|cost|fee)$|(?:_(?:amount|price|balance|cost|fee)|[a-z0-9](?:Amount|Price|Balance|Cost|Fee))$/.test(name)) return 'money';
  if (/(?:_at|[a-z0-9]At)$/.test(name)) return 'instant';
  if (/^(?:date|.*_date|.*[a-z0-9]Date)$/.test(name)) return 'date';
  if (/^(?:is|has)(?:_|[A-Z])/.test(name)) return 'boolean';
  return undefined;
}

/** A name that holds a row's key or a reference to one (`id`, `order_id`, `orderId`), as opposed to a slug or a token. */
export function isKeyName(name: string): boolean {
  return name === 'id' || /(_id|Id)$/.test(name);
}

/**
 * A path parameter named as the row its collection segment holds (`/articles/{article}`, `/loans/{loan}`): Laravel and
 * Rails bind it to that row by its key, so it is a key. (`/articles/{slug}` is not: the name says otherwise.)
 */
export function isRowParam(name: string, path: string | undefined): boolean {
  const at = path?.indexOf(`/{${name}}`) ?? -1;
  if (at < 0 || !path) return false;
  const collection = path.slice(0, at).split('/').pop() ?? '';
  return collection.toLowerCase() === plural(name.toLowerCase());
}


import { db } from '../db/client.js';

export async function listProducts(limit: number, cursor?: string) {
  const items = await db.product.findMany({ take: limit + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), orderBy: { id: 'asc' } });
  const next = items.length > limit ? items.pop()!.id : null;
  return { items, next_cursor: next };
}

// Model classes the sprint names become tables under the ORM's own default name.
import { describe, expect, it } from 'vitest';
import { withOrmTableNames } from '../../lib/model/table-names.js';
import type { Scope, ServiceStack } from '../../lib/types.js';

const scope = (): Scope =>
  ({
    operations: [],
    entities: [
      { table: 'GiftCard', change: 'new-table', line: 3, columns: [{ name: 'id', line: 3 }] },
      { table: 'Tag', change: 'new-table', line: 4, columns: [{ name: 'card_id', line: 4, references: 'GiftCard' }] },
      { table: 'audit_log', change: 'new-table', line: 5, columns: [] },
    ],
  }) as unknown as Scope;
const withOrm = (orm: string | undefined) => ({ orm: orm ? { value: orm, confidence: 0.9, evidence: [] } : undefined }) as unknown as ServiceStack;
const tables = (result: Scope) => result.entities.map((entity) => entity.table);

describe('withOrmTableNames', () => {
  it('SQLModel: the class name in lower case, references included', () => {
    const result = withOrmTableNames(scope(), withOrm('sqlmodel'));
    expect(tables(result)).toEqual(['giftcard', 'tag', 'audit_log']);
    expect(result.entities[1].columns[0].references).toBe('giftcard');
  });

  it('a key to an existing model class, and a junction joining one, use the table the ORM gives that class', () => {
    const input = scope();
    input.entities.push({ table: 'TagItem', change: 'new-table', line: 6, joins: ['Tag', 'Item'], columns: [{ name: 'tag_id', line: 6, references: 'Tag' }, { name: 'item_id', line: 6, references: 'Item' }] });
    const junction = withOrmTableNames(input, withOrm('sqlmodel')).entities[3];
    expect(junction.table).toBe('tagitem');
    expect(junction.joins).toEqual(['tag', 'item']);
    expect(junction.columns.map((column) => column.references)).toEqual(['tag', 'item']);
  });

  it('GORM and Active Record: snake case, plural', () => {
    expect(tables(withOrmTableNames(scope(), withOrm('gorm')))).toEqual(['gift_cards', 'tags', 'audit_log']);
    expect(tables(withOrmTableNames(scope(), withOrm('active-record')))).toEqual(['gift_cards', 'tags', 'audit_log']);
  });

  it('other ORMs, or none, keep the names as written; the input is not changed', () => {
    const input = scope();
    expect(withOrmTableNames(input, withOrm('prisma'))).toBe(input);
    expect(withOrmTableNames(input, withOrm(undefined))).toBe(input);
    withOrmTableNames(input, withOrm('sqlmodel'));
    expect(tables(input)).toEqual(['GiftCard', 'Tag', 'audit_log']);
  });
});

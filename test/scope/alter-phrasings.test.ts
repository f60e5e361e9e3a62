// An existing table gaining columns, in the ways English specs say it: the columns are read with their
// attributes (one level of parentheses inside: "(varchar(20), nullable)"), and the table is altered.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const tablesOf = (line: string) =>
  extractScope(`# S\n\n## Data model\n- ${line}\n`).entities.map((entity) => [entity.table, entity.change, entity.columns.map((column) => [column.name, column.type, column.nullable ?? false])]);

describe('columns added to an existing table', () => {
  const both = [['loans', 'alter-table', [['returned_at', 'timestamp', true], ['return_condition', 'varchar(20)', true]]]];

  it('"Table `loans` gets `a` (…) and `b` (…)"', () => {
    expect(tablesOf('Table `loans` gets `returned_at` (timestamp, nullable) and `return_condition` (varchar(20), nullable).')).toEqual(both);
  });

  it('"Add `a` (…) and `b` (…) to `loans`"', () => {
    expect(tablesOf('Add `returned_at` (timestamp, nullable) and `return_condition` (varchar(20), nullable) to `loans`.')).toEqual(both);
  });

  it('"Table `loans`: add `a` (…)"', () => {
    expect(tablesOf('Table `loans`: add `returned_at` (timestamp, nullable).')).toEqual([['loans', 'alter-table', [['returned_at', 'timestamp', true]]]]);
  });

  it('a new table’s column list keeps a sized type and what follows it', () => {
    expect(tablesOf('New table `loan_events` (`id`, `kind` (varchar(30), not null), `note` (text, nullable)).')).toEqual([
      ['loan_events', 'new-table', [['id', undefined, false], ['kind', 'varchar(30)', false], ['note', 'text', true]]],
    ]);
  });
});

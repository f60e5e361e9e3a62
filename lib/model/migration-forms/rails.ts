// The Active Record form: migration DSL (`create_table … do |t|`, `add_column`,
// `add_index`); `change` is reversible, so `bin/rails db:rollback` undoes it.

import { isIdentifier, quoted } from './shared.js';
import type { DefaultValue, FormColumn, FormIndex, FormRenderer, FormTable, RollbackStep, SchemaChange } from './types.js';

const sym = (name: string) => (isIdentifier(name) ? `:${name}` : `:${quoted(name)}`);

function railsType(column: FormColumn, database: string | undefined): { type: string; options: string[] } {
  const pg = database === 'postgres' || database === undefined;
  switch (column.kind) {
    case 'uuid': return pg ? { type: 'uuid', options: [] } : { type: 'string', options: ['limit: 36'] };
    case 'text': case 'enum': return { type: database === 'mysql' ? 'string' : 'text', options: [] };
    case 'integer': return { type: 'integer', options: [] };
    case 'bigint': return { type: 'bigint', options: [] };
    case 'boolean': return { type: 'boolean', options: [] };
    case 'timestamptz': return { type: pg ? 'timestamptz' : 'datetime', options: [] };
    case 'date': return { type: 'date', options: [] };
    case 'numeric': return { type: 'decimal', options: column.precision ? [`precision: ${column.precision.digits}`, `scale: ${column.precision.scale}`] : [] };
    case 'jsonb': return { type: pg ? 'jsonb' : 'json', options: [] };
  }
}

function defaultOption(value: DefaultValue, database: string | undefined): string {
  switch (value.kind) {
    case 'constant':
      return `default: ${typeof value.value === 'string' ? quoted(value.value) : String(value.value)}`;
    case 'now':
      return 'default: -> { "CURRENT_TIMESTAMP" }';
    case 'uuid':
      return `default: -> { ${quoted(database === 'mysql' ? '(uuid())' : 'gen_random_uuid()')} }`;
    case 'sql':
      return `default: -> { ${quoted(value.sql)} }`;
  }
}

function options(column: FormColumn, database: string | undefined, extra: string[] = []): string {
  const list = [...extra];
  if (!column.nullable) list.push('null: false');
  if (column.default) list.push(defaultOption(column.default, database));
  return list.length ? `, ${list.join(', ')}` : '';
}

function checkOf(column: FormColumn): string {
  return `${column.name} IN (${column.values!.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}

/** `t.references :order` when the column is `<name>_id`, a plain column with a foreign key otherwise. */
function referenceLines(table: FormTable, column: FormColumn, database: string | undefined): { inner: string[]; after: string[] } {
  const ref = column.references!;
  const { type } = railsType(column, database);
  const base = column.name.replace(/_id$/, '');
  if (base !== column.name && ref.column === 'id') {
    const typeOption = type === 'bigint' ? [] : [`type: :${type}`];
    return { inner: [`t.references ${sym(base)}${options(column, database, [...typeOption, `foreign_key: { to_table: ${sym(ref.table)} }`, 'index: false'])}`], after: [] };
  }
  return {
    inner: [`t.${type} ${sym(column.name)}${options(column, database)}`],
    after: [`add_foreign_key ${sym(table.table)}, ${sym(ref.table)}, column: ${sym(column.name)}, primary_key: ${sym(ref.column)}`],
  };
}

function indexArgs(index: FormIndex, database: string | undefined): string {
  const columns = index.columns.length === 1 ? sym(index.columns[0].name) : `[${index.columns.map((c) => sym(c.name)).join(', ')}]`;
  const args = [columns];
  if (index.unique) args.push('unique: true');
  const desc = index.columns.filter((c) => c.desc);
  if (desc.length) args.push(`order: { ${desc.map((c) => `${c.name}: :desc`).join(', ')} }`);
  if (index.where && database !== 'mysql') args.push(`where: ${quoted(index.where)}`);
  if (index.online && database === 'postgres') args.push('algorithm: :concurrently');
  args.push(`name: ${quoted(index.name)}`);
  return args.join(', ');
}

function statements(table: FormTable, database: string | undefined): string[] {
  const lines: string[] = [];
  const after: string[] = [];
  const t = sym(table.table);
  const checks = table.columns.filter((c) => c.values?.length);
  const checkName = (c: FormColumn) => table.constraintNames[c.name]?.check ?? `${table.table}_${c.name}_check`;
  if (table.change === 'create') {
    const key = table.columns.find((c) => c.primaryKey);
    const id = table.primaryKey ? `, primary_key: [${table.primaryKey.map(sym).join(', ')}]` : !key ? ', id: false' : key.name !== 'id' ? `, primary_key: ${sym(key.name)}` : key.kind === 'uuid' || key.kind === 'integer' ? `, id: ${key.kind === 'uuid' && database === 'mysql' ? ':string' : `:${key.kind}`}` : '';
    lines.push(`create_table ${t}${id} do |t|`);
    for (const column of table.columns) {
      if (column === key) continue;
      if (column.references) {
        const ref = referenceLines(table, column, database);
        lines.push(...ref.inner.map((l) => `  ${l}`));
        after.push(...ref.after);
        continue;
      }
      const { type, options: typeOptions } = railsType(column, database);
      lines.push(`  t.${type} ${sym(column.name)}${options(column, database, typeOptions)}`);
    }
    for (const column of checks) lines.push(`  t.check_constraint ${quoted(checkOf(column))}, name: ${quoted(checkName(column))}`);
    for (const column of table.columns.filter((c) => c.unique)) lines.push(`  t.index ${sym(column.name)}, unique: true, name: ${quoted(table.constraintNames[column.name]?.unique ?? `${table.table}_${column.name}_key`)}`);
    for (const index of table.indexes) lines.push(`  t.index ${indexArgs(index, database)}`);
    lines.push('end');
  } else {
    // On a table with rows, a NOT NULL column without a default is added nullable and tightened after the backfill.
    const later = table.populated ? table.columns.filter((c) => !c.nullable && !c.default) : [];
    for (const column of table.columns) {
      const { type, options: typeOptions } = railsType(column, database);
      lines.push(`add_column ${t}, ${sym(column.name)}, :${type}${options(later.includes(column) ? { ...column, nullable: true } : column, database, typeOptions)}`);
      if (column.references) after.push(`add_foreign_key ${t}, ${sym(column.references.table)}, column: ${sym(column.name)}, primary_key: ${sym(column.references.column)}`);
    }
    if (later.length) after.push('# after the backfill:', ...later.map((c) => `change_column_null ${t}, ${sym(c.name)}, false`));
    for (const column of checks) lines.push(`add_check_constraint ${t}, ${quoted(checkOf(column))}, name: ${quoted(checkName(column))}`);
    for (const column of table.columns.filter((c) => c.unique)) lines.push(`add_index ${t}, ${sym(column.name)}, unique: true, name: ${quoted(table.constraintNames[column.name]?.unique ?? `${table.table}_${column.name}_key`)}`);
    for (const index of table.indexes) lines.push(`add_index ${t}, ${indexArgs(index, database)}`);
  }
  return [...lines, ...after];
}

export const railsForm: FormRenderer = {
  form: 'rails-dsl',
  language: 'ruby',
  block(change: SchemaChange): string {
    return change.tables.flatMap((table) => statements(table, change.database)).join('\n');
  },
  rollback(step: RollbackStep): string {
    const t = sym(step.table);
    if (step.kind === 'create-index') return `remove_index ${t}, name: ${quoted(step.index ?? '')}`;
    if (step.kind === 'add-columns') return step.columns.length === 1 ? `remove_column ${t}, ${sym(step.columns[0])}` : `remove_columns ${t}, ${step.columns.map(sym).join(', ')}`;
    return `drop_table ${t}`;
  },
};

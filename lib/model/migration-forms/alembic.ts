// The Alembic form: `op.*` calls in upgrade() and the matching `op.drop_*` in
// downgrade(), for SQLAlchemy and SQLModel services.

import { quoted } from './shared.js';
import type { DefaultValue, FormColumn, FormIndex, FormRenderer, FormTable, RollbackStep, SchemaChange } from './types.js';

function saType(column: FormColumn, database: string | undefined): string {
  switch (column.kind) {
    case 'uuid': return 'sa.Uuid()';
    case 'text': case 'enum': return database === 'mysql' ? 'sa.String(255)' : 'sa.Text()';
    case 'integer': return 'sa.Integer()';
    case 'bigint': return 'sa.BigInteger()';
    case 'boolean': return 'sa.Boolean()';
    case 'timestamptz': return 'sa.DateTime(timezone=True)';
    case 'date': return 'sa.Date()';
    case 'numeric': return column.precision ? `sa.Numeric(${column.precision.digits}, ${column.precision.scale})` : 'sa.Numeric()';
    case 'jsonb': return 'sa.JSON()';
  }
}

function serverDefault(value: DefaultValue, database: string | undefined): string {
  switch (value.kind) {
    case 'constant':
      return typeof value.value === 'boolean' ? (value.value ? 'sa.true()' : 'sa.false()') : quoted(String(value.value));
    case 'now':
      return 'sa.func.now()';
    case 'uuid':
      return `sa.text(${quoted(database === 'mysql' ? '(uuid())' : 'gen_random_uuid()')})`;
    case 'sql':
      return `sa.text(${quoted(value.sql)})`;
  }
}

function checkOf(column: FormColumn): string {
  return `${column.name} IN (${column.values!.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}

function columnCall(column: FormColumn, database: string | undefined): string {
  const args = [quoted(column.name), saType(column, database)];
  if (column.references) args.push(`sa.ForeignKey(${quoted(`${column.references.table}.${column.references.column}`)})`);
  if (column.primaryKey) args.push('primary_key=True');
  else if (!column.nullable) args.push('nullable=False');
  if (column.unique) args.push('unique=True');
  if (column.default) args.push(`server_default=${serverDefault(column.default, database)}`);
  return `sa.Column(${args.join(', ')})`;
}

function indexCall(table: string, index: FormIndex, database: string | undefined): string {
  const columns = index.columns.map((c) => (c.desc ? `sa.text(${quoted(`${c.name} DESC`)})` : quoted(c.name)));
  const args = [quoted(index.name), quoted(table), `[${columns.join(', ')}]`];
  if (index.unique) args.push('unique=True');
  if (index.where && database === 'postgres') args.push(`postgresql_where=sa.text(${quoted(index.where)})`);
  if (index.where && database === 'sqlite') args.push(`sqlite_where=sa.text(${quoted(index.where)})`);
  if (index.online && database === 'postgres') args.push('postgresql_concurrently=True');
  return `op.create_index(${args.join(', ')})`;
}

function upgrade(table: FormTable, database: string | undefined): string[] {
  const lines: string[] = [];
  const checks = table.columns.filter((c) => c.values?.length);
  if (table.change === 'create') {
    lines.push('op.create_table(', `    ${quoted(table.table)},`);
    for (const column of table.columns) lines.push(`    ${columnCall(column, database)},`);
    if (table.primaryKey) lines.push(`    sa.PrimaryKeyConstraint(${table.primaryKey.map(quoted).join(', ')}),`);
    for (const column of checks) lines.push(`    sa.CheckConstraint(${quoted(checkOf(column))}, name=${quoted(table.constraintNames[column.name]?.check ?? `${table.table}_${column.name}_check`)}),`);
    lines.push(')');
  } else {
    // On a table with rows, a NOT NULL column without a default is added nullable and tightened after the backfill.
    const later = table.populated ? table.columns.filter((c) => !c.nullable && !c.default) : [];
    for (const column of table.columns) lines.push(`op.add_column(${quoted(table.table)}, ${columnCall(later.includes(column) ? { ...column, nullable: true } : column, database)})`);
    if (later.length) lines.push('# after the backfill:', ...later.map((c) => `op.alter_column(${quoted(table.table)}, ${quoted(c.name)}, nullable=False)`));
    for (const column of checks) lines.push(`op.create_check_constraint(${quoted(table.constraintNames[column.name]?.check ?? `${table.table}_${column.name}_check`)}, ${quoted(table.table)}, ${quoted(checkOf(column))})`);
  }
  for (const index of table.indexes) lines.push(indexCall(table.table, index, database));
  return lines;
}

function downgrade(table: FormTable): string[] {
  if (table.change === 'create') return [`op.drop_table(${quoted(table.table)})`];
  return [
    ...table.indexes.map((index) => `op.drop_index(${quoted(index.name)}, table_name=${quoted(table.table)})`),
    ...table.columns.map((column) => `op.drop_column(${quoted(table.table)}, ${quoted(column.name)})`),
  ];
}

const indent = (lines: string[]) => lines.map((line) => `    ${line}`);

export const alembicForm: FormRenderer = {
  form: 'alembic-op',
  language: 'python',
  block(change: SchemaChange): string {
    const up = change.tables.flatMap((table) => upgrade(table, change.database));
    const down = [...change.tables].reverse().flatMap(downgrade);
    return ['def upgrade() -> None:', ...indent(up), '', '', 'def downgrade() -> None:', ...indent(down)].join('\n');
  },
  rollback(step: RollbackStep): string {
    if (step.kind === 'create-index') return `op.drop_index(${quoted(step.index ?? '')}, table_name=${quoted(step.table)})`;
    if (step.kind === 'add-columns') return step.columns.map((c) => `op.drop_column(${quoted(step.table)}, ${quoted(c)})`).join('; ');
    return `op.drop_table(${quoted(step.table)})`;
  },
};

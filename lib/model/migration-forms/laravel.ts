// The Laravel form: the schema builder a migration's up() runs (`Schema::create(…, function (Blueprint $table) {…})`,
// `Schema::table`), and the down() steps that undo it (`Schema::dropIfExists`, `dropColumn`, `dropIndex`).

import type { DefaultValue, FormColumn, FormIndex, FormRenderer, FormTable, RollbackStep, SchemaChange } from './types.js';

/** A single-quoted PHP string: only `\` and `'` are escaped there. */
const str = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (names: string[]): string => `[${names.map(str).join(', ')}]`;

function columnCall(column: FormColumn, database: string | undefined): string {
  const pg = database === 'postgres' || database === undefined;
  const name = str(column.name);
  switch (column.kind) {
    case 'uuid': return `uuid(${name})`;
    case 'text': {
      // `varchar(30)` stated: a string of that length, as Laravel's `string()` writes it.
      const sized = /^(var)?char\((\d+)\)$/i.exec(column.sqlType);
      return sized ? `${sized[1] ? 'string' : 'char'}(${name}, ${sized[2]})` : `text(${name})`;
    }
    case 'enum': return `enum(${name}, ${list(column.values ?? [])})`;
    case 'integer': return `integer(${name})`;
    case 'bigint': return `bigInteger(${name})`;
    case 'boolean': return `boolean(${name})`;
    case 'timestamptz': return pg ? `timestampTz(${name})` : `timestamp(${name})`;
    case 'date': return `date(${name})`;
    case 'numeric': return column.precision ? `decimal(${name}, ${column.precision.digits}, ${column.precision.scale})` : `decimal(${name})`;
    case 'jsonb': return pg ? `jsonb(${name})` : `json(${name})`;
  }
}

function defaultCall(value: DefaultValue, database: string | undefined): string {
  switch (value.kind) {
    case 'constant':
      return `->default(${typeof value.value === 'string' ? str(value.value) : String(value.value)})`;
    case 'now':
      return '->useCurrent()';
    case 'uuid':
      return `->default(DB::raw(${str(database === 'mysql' ? '(uuid())' : 'gen_random_uuid()')}))`;
    case 'sql':
      return `->default(DB::raw(${str(value.sql)}))`;
  }
}

function modifiers(column: FormColumn, database: string | undefined, nullable = column.nullable): string {
  return `${nullable ? '->nullable()' : ''}${column.default ? defaultCall(column.default, database) : ''}`;
}

/** `foreignId('order_id')->constrained('orders')` for a key to an `id`; a plain column and `foreign()` otherwise. */
function referenceLine(column: FormColumn, database: string | undefined, nullable: boolean): string {
  const ref = column.references!;
  const tail = modifiers(column, database, nullable);
  if (ref.column === 'id' && column.kind === 'bigint') return `$table->foreignId(${str(column.name)})${tail}->constrained(${str(ref.table)});`;
  if (ref.column === 'id' && column.kind === 'uuid') return `$table->foreignUuid(${str(column.name)})${tail}->constrained(${str(ref.table)});`;
  return `$table->${columnCall(column, database)}${tail};\n    $table->foreign(${str(column.name)})->references(${str(ref.column)})->on(${str(ref.table)});`;
}

function indexLine(index: FormIndex, table: string, database: string | undefined): { inner?: string; after?: string } {
  // The builder has no partial or descending index: those are written as the SQL they are.
  if ((index.where && database !== 'mysql') || index.columns.some((column) => column.desc)) {
    const columns = index.columns.map((column) => `${column.name}${column.desc ? ' DESC' : ''}`).join(', ');
    const sql = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.online && database === 'postgres' ? 'CONCURRENTLY ' : ''}${index.name} ON ${table} (${columns})${index.where && database !== 'mysql' ? ` WHERE ${index.where}` : ''}`;
    return { after: `DB::statement(${str(sql)});` };
  }
  const columns = index.columns.length === 1 ? str(index.columns[0].name) : list(index.columns.map((column) => column.name));
  return { inner: `$table->${index.unique ? 'unique' : 'index'}(${columns}, ${str(index.name)});` };
}

function statements(table: FormTable, database: string | undefined): string[] {
  const inner: string[] = [];
  const after: string[] = [];
  const uniqueName = (column: FormColumn): string => table.constraintNames[column.name]?.unique ?? `${table.table}_${column.name}_key`;
  if (table.change === 'create') {
    const key = table.columns.find((column) => column.primaryKey);
    if (key?.name === 'id' && key.kind === 'bigint' && !key.default) inner.push('$table->id();');
    else if (key?.name === 'id' && key.kind === 'integer' && !key.default) inner.push("$table->increments('id');");
    else if (key) inner.push(`$table->${columnCall(key, database)}${modifiers(key, database, false)}->primary();`);
    for (const column of table.columns) {
      if (column === key) continue;
      inner.push(column.references ? referenceLine(column, database, column.nullable) : `$table->${columnCall(column, database)}${modifiers(column, database)};`);
    }
    if (table.primaryKey) inner.push(`$table->primary(${list(table.primaryKey)});`);
  } else {
    // On a table with rows, a NOT NULL column without a default is added nullable and tightened after the backfill.
    const later = table.populated ? table.columns.filter((column) => !column.nullable && !column.default) : [];
    for (const column of table.columns) {
      const nullable = column.nullable || later.includes(column);
      inner.push(column.references ? referenceLine(column, database, nullable) : `$table->${columnCall(column, database)}${modifiers(column, database, nullable)};`);
    }
    if (later.length) {
      after.push('// after the backfill:');
      for (const column of later) after.push(`Schema::table(${str(table.table)}, function (Blueprint $table) {\n    $table->${columnCall(column, database)}->nullable(false)->change();\n});`);
    }
  }
  for (const column of table.columns.filter((candidate) => candidate.unique && !candidate.primaryKey)) inner.push(`$table->unique(${str(column.name)}, ${str(uniqueName(column))});`);
  for (const index of table.indexes) {
    const line = indexLine(index, table.table, database);
    if (line.inner) inner.push(line.inner);
    if (line.after) after.push(line.after);
  }
  const open = table.change === 'create' ? `Schema::create(${str(table.table)}, function (Blueprint $table) {` : `Schema::table(${str(table.table)}, function (Blueprint $table) {`;
  return [open, ...inner.map((line) => `    ${line}`), '});', ...after];
}

export const laravelForm: FormRenderer = {
  form: 'laravel-schema',
  language: 'php',
  block(change: SchemaChange): string {
    return change.tables.flatMap((table) => statements(table, change.database)).join('\n');
  },
  rollback(step: RollbackStep): string {
    const table = str(step.table);
    if (step.kind === 'create-index') return `Schema::table(${table}, fn (Blueprint $table) => $table->dropIndex(${str(step.index ?? '')}));`;
    if (step.kind === 'add-columns') return `Schema::table(${table}, fn (Blueprint $table) => $table->dropColumn(${step.columns.length === 1 ? str(step.columns[0]) : list(step.columns)}));`;
    return `Schema::dropIfExists(${table});`;
  },
};

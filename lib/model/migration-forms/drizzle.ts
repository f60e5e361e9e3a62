// The Drizzle form: the table declarations (`pgTable`, `mysqlTable`,
// `sqliteTable` by the database); drizzle-kit generates the SQL from them.

import { camelCase } from '../../naming/index.js';
import { quoted } from './shared.js';
import type { DefaultValue, FormColumn, FormIndex, FormRenderer, FormTable, SchemaChange } from './types.js';

type Dialect = 'pg' | 'mysql' | 'sqlite';

const dialectOf = (database: string | undefined): Dialect => (database === 'mysql' ? 'mysql' : database === 'sqlite' ? 'sqlite' : 'pg');

const TABLE: Record<Dialect, { fn: string; module: string }> = {
  pg: { fn: 'pgTable', module: 'drizzle-orm/pg-core' },
  mysql: { fn: 'mysqlTable', module: 'drizzle-orm/mysql-core' },
  sqlite: { fn: 'sqliteTable', module: 'drizzle-orm/sqlite-core' },
};

/** The column builder call and the builders it needs imported. */
function builder(column: FormColumn, dialect: Dialect): { call: string; uses: string[] } {
  const n = quoted(column.name);
  const values = column.values?.map(quoted).join(', ');
  const decimal = column.precision ? `, { precision: ${column.precision.digits}, scale: ${column.precision.scale} }` : '';
  const one = (fn: string, args = '') => ({ call: `${fn}(${n}${args})`, uses: [fn] });
  if (dialect === 'pg') {
    if (column.primaryKey && column.kind === 'bigint') return one('bigserial', ', { mode: "number" }');
    if (column.primaryKey && column.kind === 'integer') return one('serial');
    switch (column.kind) {
      case 'uuid': return one('uuid');
      case 'text': return one('text');
      case 'enum': return one('text', `, { enum: [${values}] }`);
      case 'integer': return one('integer');
      case 'bigint': return one('bigint', ', { mode: "number" }');
      case 'boolean': return one('boolean');
      case 'timestamptz': return one('timestamp', ', { withTimezone: true }');
      case 'date': return one('date');
      case 'numeric': return one('numeric', decimal);
      case 'jsonb': return one('jsonb');
    }
  }
  if (dialect === 'mysql') {
    switch (column.kind) {
      case 'uuid': return one('char', ', { length: 36 }');
      case 'text': return one('varchar', ', { length: 255 }');
      case 'enum': return one('mysqlEnum', `, [${values}]`);
      case 'integer': return one('int');
      case 'bigint': return one('bigint', ', { mode: "number" }');
      case 'boolean': return one('boolean');
      case 'timestamptz': return one('datetime');
      case 'date': return one('date');
      case 'numeric': return one('decimal', decimal);
      case 'jsonb': return one('json');
    }
  }
  switch (column.kind) {
    case 'uuid': case 'text': case 'timestamptz': case 'date': return one('text');
    case 'enum': return one('text', `, { enum: [${values}] }`);
    case 'integer': case 'bigint': return one('integer');
    case 'boolean': return one('integer', ', { mode: "boolean" }');
    case 'numeric': return one('numeric');
    case 'jsonb': return one('text', ', { mode: "json" }');
  }
}

function defaultCall(value: DefaultValue, dialect: Dialect, database: string | undefined): { call: string; sql: boolean } {
  switch (value.kind) {
    case 'constant':
      return { call: `.default(${typeof value.value === 'string' ? quoted(value.value) : String(value.value)})`, sql: false };
    case 'now':
      return dialect === 'sqlite' ? { call: '.default(sql`CURRENT_TIMESTAMP`)', sql: true } : { call: '.defaultNow()', sql: false };
    case 'uuid':
      return dialect === 'pg' ? { call: '.defaultRandom()', sql: false } : { call: `.default(sql\`${database === 'mysql' ? '(uuid())' : 'gen_random_uuid()'}\`)`, sql: true };
    case 'sql':
      return { call: `.default(sql\`${value.sql.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\`)`, sql: true };
  }
}

/** A TypeScript property key: the column name when it is an identifier, quoted otherwise. */
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quoted(name));
/** The exported table constant: the table name, camelCased when it is not an identifier. */
const tableConst = (table: string) => (/^[A-Za-z_$][\w$]*$/.test(table) ? table : camelCase(table));
const member = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${quoted(name)}]`);

function columnLine(column: FormColumn, dialect: Dialect, database: string | undefined, uses: Set<string>): { line: string; sql: boolean } {
  const built = builder(column, dialect);
  built.uses.forEach((u) => uses.add(u));
  let call = built.call;
  let sql = false;
  if (column.primaryKey) {
    call += dialect === 'mysql' && (column.kind === 'bigint' || column.kind === 'integer') ? '.autoincrement().primaryKey()' : dialect === 'sqlite' && (column.kind === 'bigint' || column.kind === 'integer') ? '.primaryKey({ autoIncrement: true })' : '.primaryKey()';
  } else if (!column.nullable) call += '.notNull()';
  if (column.default) {
    const d = defaultCall(column.default, dialect, database);
    call += d.call;
    sql = d.sql;
  }
  if (column.unique) call += '.unique()';
  if (column.references) call += `.references(() => ${tableConst(column.references.table)}${member(column.references.column)})`;
  return { line: `  ${key(column.name)}: ${call},`, sql };
}

function indexLine(index: FormIndex, uses: Set<string>): { line: string; sql: boolean } {
  const fn = index.unique ? 'uniqueIndex' : 'index';
  uses.add(fn);
  const columns = index.columns.map((c) => `t${member(c.name)}${c.desc ? '.desc()' : ''}`).join(', ');
  const where = index.where ? `.where(sql\`${index.where}\`)` : '';
  return { line: `  ${fn}(${quoted(index.name)}).on(${columns})${where},`, sql: Boolean(where) };
}

export const drizzleForm: FormRenderer = {
  form: 'drizzle-table',
  language: 'ts',
  block(change: SchemaChange): string {
    const dialect = dialectOf(change.database);
    const { fn, module } = TABLE[dialect];
    const uses = new Set<string>([fn]);
    let sql = false;
    const tables = change.tables.map((table: FormTable) => {
      const lines = [`export const ${tableConst(table.table)} = ${fn}(${quoted(table.table)}, {`];
      if (table.change === 'alter') lines.push('  // existing columns');
      for (const column of table.columns) {
        const built = columnLine(column, dialect, change.database, uses);
        sql ||= built.sql;
        lines.push(built.line);
      }
      if (!table.indexes.length && !table.primaryKey) return [...lines, '});'].join('\n');
      lines.push('}, (t) => [');
      if (table.primaryKey) {
        uses.add('primaryKey');
        lines.push(`  primaryKey({ columns: [${table.primaryKey.map((name) => `t${member(name)}`).join(', ')}] }),`);
      }
      for (const index of table.indexes) {
        const built = indexLine(index, uses);
        sql ||= built.sql;
        lines.push(built.line);
      }
      return [...lines, ']);'].join('\n');
    });
    const imports = [`import { ${[...uses].sort().join(', ')} } from ${quoted(module)};`, ...(sql ? ['import { sql } from "drizzle-orm";'] : [])];
    return [...imports, '', ...tables.flatMap((t, i) => (i ? ['', t] : [t]))].join('\n');
  },
};

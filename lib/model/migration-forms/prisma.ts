// The Prisma form: the model blocks to add or extend in schema.prisma; Prisma
// Migrate writes the SQL from them (`prisma migrate dev --create-only`).

import { camelCase, plural } from '../../naming/index.js';
import { constantLiteral, isIdentifier, modelName, quoted } from './shared.js';
import type { FormColumn, FormRenderer, FormTable, SchemaChange } from './types.js';

const SCALAR: Record<FormColumn['kind'], string> = {
  uuid: 'String', text: 'String', integer: 'Int', bigint: 'BigInt', boolean: 'Boolean',
  timestamptz: 'DateTime', date: 'DateTime', numeric: 'Decimal', jsonb: 'Json', enum: 'String',
};

function nativeType(column: FormColumn, database: string | undefined): string | undefined {
  if (database === 'postgres') {
    if (column.kind === 'uuid') return '@db.Uuid';
    if (column.kind === 'timestamptz') return '@db.Timestamptz(6)';
    if (column.kind === 'date') return '@db.Date';
  }
  if (database === 'mysql' && column.kind === 'uuid') return '@db.Char(36)';
  if (column.kind === 'numeric' && column.precision && database !== 'sqlite') return `@db.Decimal(${column.precision.digits}, ${column.precision.scale})`;
  return undefined;
}

/** Enum columns become Prisma enums where the database has them and every value is an identifier. */
function enumName(table: FormTable, column: FormColumn, database: string | undefined): string | undefined {
  if (column.kind !== 'enum' || database === 'sqlite' || !column.values?.length || !column.values.every(isIdentifier)) return undefined;
  return modelName(table.table) + modelName(column.name);
}

function defaultAttribute(column: FormColumn, enumType: string | undefined): string | undefined {
  const value = column.default;
  if (!value) return column.primaryKey && (column.kind === 'bigint' || column.kind === 'integer') ? '@default(autoincrement())' : undefined;
  switch (value.kind) {
    case 'constant':
      return `@default(${enumType && typeof value.value === 'string' ? value.value : constantLiteral(value.value)})`;
    case 'now':
      return '@default(now())';
    case 'uuid':
      return '@default(uuid())';
    case 'sql':
      return `@default(dbgenerated(${quoted(value.sql)}))`;
  }
}

interface Relation {
  /** The relation field on the model holding the foreign key. */
  field: string;
  target: string;
  column: FormColumn;
  /** Relation name, when two relations join the same pair of models. */
  name?: string;
}

function relationField(column: FormColumn, taken: Set<string>): string {
  const stripped = column.name.replace(/(_id|Id)$/, '');
  const base = stripped !== column.name ? stripped : camelCase(modelName(column.references!.table));
  return taken.has(base) ? `${base}Ref` : base;
}

/** Lines aligned in columns, as `prisma format` writes them. */
function aligned(rows: string[][]): string[] {
  const fields = rows.filter((r) => r.length > 1);
  const name = Math.max(0, ...fields.map((r) => r[0].length));
  const type = Math.max(0, ...fields.map((r) => r[1].length));
  return rows.map((row) =>
    row.length === 1 ? `  ${row[0]}` : row.length === 2 ? `  ${row[0].padEnd(name)} ${row[1]}` : `  ${row[0].padEnd(name)} ${row[1].padEnd(type)} ${row.slice(2).join(' ')}`,
  );
}

export const prismaForm: FormRenderer = {
  form: 'prisma-schema',
  language: 'prisma',
  block(change: SchemaChange): string {
    const db = change.database;
    const relations = new Map<string, Relation[]>();
    const backRelations = new Map<string, string[][]>();
    for (const table of change.tables) {
      const model = modelName(table.table);
      const taken = new Set(table.columns.map((c) => c.name));
      const list: Relation[] = [];
      for (const column of table.columns.filter((c) => c.references)) {
        const field = relationField(column, taken);
        taken.add(field);
        list.push({ field, target: modelName(column.references!.table), column });
      }
      for (const relation of list) {
        if (list.filter((r) => r.target === relation.target).length > 1 || relation.target === model) relation.name = `${model}_${relation.field}`;
        const back = [relation.name ? `${camelCase(plural(model))}_${relation.field}` : camelCase(plural(model)), `${model}[]`, ...(relation.name ? [`@relation(${quoted(relation.name)})`] : [])];
        backRelations.set(relation.target, [...(backRelations.get(relation.target) ?? []), back]);
      }
      relations.set(table.table, list);
    }
    const blocks: string[] = [];
    const enums: string[] = [];
    const declared = new Set<string>();
    for (const table of change.tables) {
      const model = modelName(table.table);
      declared.add(model);
      const rows: string[][] = [];
      if (table.change === 'alter') rows.push(['// existing fields']);
      for (const column of table.columns) {
        const enumType = enumName(table, column, db);
        if (enumType) enums.push(`enum ${enumType} {\n${column.values!.map((v) => `  ${v}`).join('\n')}\n}`);
        const attributes = [
          column.primaryKey ? '@id' : '',
          column.unique ? '@unique' : '',
          defaultAttribute(column, enumType) ?? '',
          nativeType(column, db) ?? '',
        ].filter(Boolean);
        // SQLite keys are 64-bit INTEGER already, and Prisma autoincrements only Int there.
        const scalar = db === 'sqlite' && column.kind === 'bigint' ? 'Int' : SCALAR[column.kind];
        rows.push([column.name, `${enumType ?? scalar}${column.nullable && !column.primaryKey ? '?' : ''}`, ...attributes]);
        const relation = relations.get(table.table)!.find((r) => r.column === column);
        if (relation) {
          const args = `${relation.name ? `${quoted(relation.name)}, ` : ''}fields: [${column.name}], references: [${column.references!.column}]`;
          rows.push([relation.field, `${relation.target}${column.nullable ? '?' : ''}`, `@relation(${args})`]);
        }
      }
      rows.push(...(backRelations.get(model) ?? []));
      const extra: string[] = table.primaryKey ? [`  @@id([${table.primaryKey.join(', ')}])`] : [];
      for (const index of table.indexes) {
        if (index.where) {
          extra.push(`  // ${index.name} (WHERE ${index.where}): add to migration.sql, Prisma has no partial index`);
          continue;
        }
        const columns = index.columns.map((c) => (c.desc ? `${c.name}(sort: Desc)` : c.name)).join(', ');
        extra.push(`  @@${index.unique ? 'unique' : 'index'}([${columns}], map: ${quoted(index.name)})`);
      }
      if (model !== table.table && table.change === 'create') extra.push(`  @@map(${quoted(table.table)})`);
      blocks.push([`model ${model} {`, ...aligned(rows), ...(extra.length ? ['', ...extra] : []), '}'].join('\n'));
    }
    // A relation needs its field on the other model too: the existing model gains it.
    for (const [target, rows] of backRelations) {
      if (declared.has(target)) continue;
      blocks.push([`model ${target} {`, ...aligned([['// existing fields'], ...rows]), '}'].join('\n'));
    }
    return [...blocks, ...enums].join('\n\n');
  },
};

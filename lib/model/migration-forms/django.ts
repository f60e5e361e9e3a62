// The Django form: the model fields to add in models.py; `makemigrations`
// writes the migration and `migrate <app> <previous>` reverses it.

import { modelName, quoted } from './shared.js';
import type { DefaultValue, FormColumn, FormIndex, FormRenderer, FormTable, RollbackStep, SchemaChange } from './types.js';

function fieldClass(column: FormColumn, database: string | undefined): { name: string; args: string[] } {
  const text = database === 'mysql' ? { name: 'CharField', args: ['max_length=255'] } : { name: 'TextField', args: [] };
  switch (column.kind) {
    case 'uuid': return { name: 'UUIDField', args: [] };
    case 'text': return text;
    case 'enum': return { ...text, args: [...text.args, `choices=[${column.values!.map((v) => `(${quoted(v)}, ${quoted(v)})`).join(', ')}]`] };
    case 'integer': return { name: 'IntegerField', args: [] };
    case 'bigint': return { name: 'BigIntegerField', args: [] };
    case 'boolean': return { name: 'BooleanField', args: [] };
    case 'timestamptz': return { name: 'DateTimeField', args: [] };
    case 'date': return { name: 'DateField', args: [] };
    case 'numeric': return { name: 'DecimalField', args: column.precision ? [`max_digits=${column.precision.digits}`, `decimal_places=${column.precision.scale}`] : [] };
    case 'jsonb': return { name: 'JSONField', args: [] };
  }
}

function defaultArg(value: DefaultValue): string {
  switch (value.kind) {
    case 'constant':
      return `default=${typeof value.value === 'boolean' ? (value.value ? 'True' : 'False') : typeof value.value === 'number' ? String(value.value) : quoted(value.value)}`;
    case 'now':
      return 'default=timezone.now';
    case 'uuid':
      return 'default=uuid.uuid4';
    case 'sql':
      return `db_default=RawSQL(${quoted(value.sql)}, [])`;
  }
}

/** The model field name: a foreign key `order_id` is the field `order` (Django adds `_id`). */
function fieldName(column: FormColumn): string {
  return column.references && /_id$/.test(column.name) && column.references.column === 'id' ? column.name.replace(/_id$/, '') : column.name;
}

function fieldLine(column: FormColumn, database: string | undefined): string {
  const name = fieldName(column);
  if (column.primaryKey) {
    const key = column.kind === 'uuid' ? 'UUIDField' : column.kind === 'integer' ? 'AutoField' : column.kind === 'bigint' ? 'BigAutoField' : fieldClass(column, database).name;
    return `${name} = models.${key}(primary_key=True${column.name !== 'id' ? `, db_column=${quoted(column.name)}` : ''})`;
  }
  const args: string[] = [];
  let type: string;
  if (column.references) {
    type = 'ForeignKey';
    args.push(quoted(modelName(column.references.table)), 'models.PROTECT');
    if (name === column.name) args.push(`db_column=${quoted(column.name)}`);
    if (column.references.column !== 'id') args.push(`to_field=${quoted(column.references.column)}`);
  } else {
    const field = fieldClass(column, database);
    type = field.name;
    args.push(...field.args);
  }
  if (column.nullable) args.push('null=True');
  if (column.unique) args.push('unique=True');
  if (column.default) args.push(defaultArg(column.default));
  return `${name} = models.${type}(${args.join(', ')})`;
}

const DJANGO_INDEX_NAME_MAX = 30;

function indexLine(index: FormIndex, table: FormTable): string {
  const byColumn = new Map(table.columns.map((c) => [c.name, fieldName(c)]));
  const fields = index.columns.map((c) => quoted(`${c.desc ? '-' : ''}${byColumn.get(c.name) ?? c.name}`));
  // A simple `column = 'value'` condition reads as a Q object; anything else stays SQL for a RunSQL.
  const simple = index.where && /^(\w+)\s*=\s*'([^']*)'$/.exec(index.where);
  // Django refuses an index name over 30 characters (models.E034): it names a plain index itself then; a unique or partial one must keep a name.
  const named = index.unique || simple || index.name.length <= DJANGO_INDEX_NAME_MAX;
  const args = [`fields=[${fields.join(', ')}]`, ...(named ? [`name=${quoted(index.name)}`] : [])];
  if (simple) args.push(`condition=models.Q(${byColumn.get(simple[1]) ?? simple[1]}=${quoted(simple[2])})`);
  const call = `models.${index.unique ? 'UniqueConstraint' : 'Index'}(${args.join(', ')})`;
  if (index.where && !simple) return `${call},  # WHERE ${index.where}: add with migrations.RunSQL`;
  return named ? `${call},` : `${call},  # the plan's ${index.name} is over ${DJANGO_INDEX_NAME_MAX} characters`;
}

function modelClass(table: FormTable, database: string | undefined): string[] {
  const name = modelName(table.table);
  const lines = [`class ${name}(models.Model):${table.change === 'alter' ? '  # existing model: add these fields' : ''}`];
  for (const column of table.columns) lines.push(`    ${fieldLine(column, database)}`);
  const indexes = table.indexes.filter((i) => !i.unique);
  // A two-column key: Django gives the model its own `id` and keeps the pair unique, as its many-to-many tables do.
  const pair: FormIndex[] = table.primaryKey ? [{ name: `${table.table}_${table.primaryKey.join('_')}_key`, columns: table.primaryKey.map((name) => ({ name, desc: false })), unique: true, online: false }] : [];
  const uniques = [...pair, ...table.indexes.filter((i) => i.unique)];
  if (table.change === 'create' || indexes.length || uniques.length) {
    lines.push('', '    class Meta:');
    if (table.change === 'create') lines.push(`        db_table = ${quoted(table.table)}`);
    if (indexes.length) lines.push('        indexes = [', ...indexes.map((i) => `            ${indexLine(i, table)}`), '        ]');
    if (uniques.length) lines.push('        constraints = [', ...uniques.map((i) => `            ${indexLine(i, table)}`), '        ]');
  }
  return lines;
}

export const djangoForm: FormRenderer = {
  form: 'django-models',
  language: 'python',
  block(change: SchemaChange): string {
    return change.tables.map((table) => modelClass(table, change.database).join('\n')).join('\n\n\n');
  },
  rollback(step: RollbackStep): string {
    const model = modelName(step.table);
    if (step.kind === 'create-index') return `migrations.RemoveIndex(${quoted(model.toLowerCase())}, ${quoted(step.index ?? '')})`;
    const foreignKeys = new Set(step.foreignKeys ?? []);
    if (step.kind === 'add-columns') return step.columns.map((c) => `migrations.RemoveField(${quoted(model.toLowerCase())}, ${quoted(foreignKeys.has(c) ? c.replace(/_id$/, '') : c)})`).join('; ');
    return `migrations.DeleteModel(${quoted(model)})`;
  },
};

// The change in each tool's own form: one small model (a new table with a foreign
// key, a unique column and an index; an existing table gaining a nullable column
// and a NOT NULL column with a default), rendered by every form, and parsed by
// the language's own parser where the machine has one.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilesAsPython, has, looksLikePrisma, parsesAsTypeScript, runsOnSqlite, scratch } from './form-checks.js';
import { MIGRATION_TOOLS } from '../../lib/knowledge/index.js';
import { schemaChange } from '../../lib/model/data-model.js';
import { FORMS, type ChangeForm, type SchemaChange } from '../../lib/model/migration-forms/index.js';
import type { IndexPlan } from '../../lib/model/spec-types.js';
import type { Entity } from '../../lib/types.js';

const ENTITIES: Entity[] = [
  {
    table: 'refunds', change: 'new-table', line: 1,
    columns: [
      { name: 'id', line: 2, type: 'uuid' },
      { name: 'order_id', line: 3, references: 'orders', nullable: false },
      { name: 'stripe_refund_id', line: 4, unique: true },
      { name: 'amount', line: 5, type: 'numeric(10,2)', nullable: false },
      { name: 'status', line: 6, enum: ['pending', 'done'], nullable: false, default: 'pending' },
      { name: 'metadata', line: 7, type: 'jsonb' },
      { name: 'created_at', line: 8, nullable: false, default: 'now()' },
    ],
  },
  {
    table: 'orders', change: 'alter-table', line: 10,
    columns: [
      { name: 'refund_note', line: 11 },
      { name: 'refunded_cents', line: 12, type: 'integer', nullable: false, default: '0' },
      { name: 'is_refundable', line: 13, nullable: false, default: 'true' },
    ],
  },
];

const index = (name: string, kind: IndexPlan['kind'], columns: string[], rest: Partial<IndexPlan> = {}): IndexPlan =>
  ({ name, table: name.startsWith('orders') ? 'orders' : 'refunds', kind, columns, why: { kind: 'spec-unique', ref: '1' }, online: false, ...rest });

const INDEXES: IndexPlan[] = [
  index('refunds_stripe_refund_id_key', 'unique', ['stripe_refund_id']),
  index('refunds_order_id_fkey', 'foreign-key', ['order_id'], { references: 'orders.id' }),
  index('refunds_status_check', 'check', ['status'], { expression: "status IN ('pending', 'done')" }),
  index('refunds_order_id_created_at_idx', 'index', ['order_id', 'created_at DESC']),
  index('refunds_pending_created_at_idx', 'partial-index', ['created_at'], { expression: "status = 'pending'" }),
];

const change = (database = 'postgres', populated: string[] = [], markers?: SchemaChange['sqlMarkers']) =>
  schemaChange(ENTITIES, INDEXES, new Set(populated), database, 'uuid', markers);
const render = (form: ChangeForm, database = 'postgres', populated: string[] = [], markers?: SchemaChange['sqlMarkers']) => FORMS[form]!.block(change(database, populated, markers));

describe('a column typed `Date` (a TypeScript or Java property type)', () => {
  const posts: Entity[] = [{ table: 'posts', change: 'new-table', line: 1, columns: [{ name: 'publish', line: 2, type: 'Date' }, { name: 'due', line: 3, type: 'date' }] }];
  it('is an instant (timestamp), while the SQL word `date` stays a day', () => {
    const [table] = schemaChange(posts, [], new Set(), 'mysql', 'integer').tables;
    expect(table.columns.find((column) => column.name === 'publish')).toMatchObject({ kind: 'timestamptz', sqlType: 'datetime' });
    expect(table.columns.find((column) => column.name === 'due')).toMatchObject({ kind: 'date', sqlType: 'date' });
  });
});

describe('a new table stated without a key', () => {
  const notes: Entity[] = [{ table: 'notes', change: 'new-table', line: 1, columns: [{ name: 'body', line: 2, nullable: false }] }];
  it('gets `id` of the repository key type as its primary key, made on insert when it is a uuid (never on SQLite)', () => {
    const [uuidTable] = schemaChange(notes, [], new Set(), 'postgres', 'uuid').tables;
    expect(uuidTable.columns[0]).toMatchObject({ name: 'id', kind: 'uuid', primaryKey: true, nullable: false, default: { kind: 'uuid' } });
    expect(FORMS['prisma-schema']!.block(schemaChange(notes, [], new Set(), 'postgres', 'uuid'))).toMatch(/^ {2}id +String +@id @default\(uuid\(\)\) @db\.Uuid$/m);
    const [bigintTable] = schemaChange(notes, [], new Set(), 'postgres', 'bigint').tables;
    expect(bigintTable.columns[0]).toMatchObject({ name: 'id', kind: 'bigint', primaryKey: true });
    expect(bigintTable.columns[0].default).toBeUndefined();
    expect(schemaChange(notes, [], new Set(), 'sqlite', 'uuid').tables[0].columns[0].default).toBeUndefined();
  });

  it('a stated key is kept as stated (no default is added to it)', () => {
    expect(change().tables[0].columns[0]).toMatchObject({ name: 'id', primaryKey: true });
    expect(change().tables[0].columns[0].default).toBeUndefined();
  });
});

describe('the change in each tool’s form', () => {
  it('maps the model’s columns once: kinds, keys, nullability, defaults, precision, constraint names', () => {
    const [refunds, orders] = change().tables;
    expect(refunds.columns.map((c) => [c.name, c.kind, c.nullable])).toEqual([
      ['id', 'uuid', false], ['order_id', 'uuid', false], ['stripe_refund_id', 'text', true], ['amount', 'numeric', false],
      ['status', 'enum', false], ['metadata', 'jsonb', true], ['created_at', 'timestamptz', false],
    ]);
    expect(refunds.columns[0].primaryKey).toBe(true);
    expect(refunds.columns[3].precision).toEqual({ digits: 10, scale: 2 });
    expect(refunds.columns[4].default).toEqual({ kind: 'constant', value: 'pending' });
    expect(refunds.columns[6].default).toEqual({ kind: 'now' });
    expect(refunds.constraintNames).toEqual({ stripe_refund_id: { unique: 'refunds_stripe_refund_id_key' }, order_id: { foreignKey: 'refunds_order_id_fkey' }, status: { check: 'refunds_status_check' } });
    expect(refunds.indexes.map((i) => i.name)).toEqual(['refunds_order_id_created_at_idx', 'refunds_pending_created_at_idx']);
    expect(orders.columns.map((c) => [c.name, c.kind, c.nullable, c.default])).toEqual([
      ['refund_note', 'text', true, undefined], ['refunded_cents', 'integer', false, { kind: 'constant', value: 0 }], ['is_refundable', 'boolean', false, { kind: 'constant', value: true }],
    ]);
  });

  it('Prisma: the models for schema.prisma, with relations both ways, enums, native types and index names', () => {
    const code = render('prisma-schema');
    expect(code).toContain('model Refund {');
    expect(code).toMatch(/^ {2}id +String +@id @db\.Uuid$/m);
    expect(code).toMatch(/^ {2}order_id +String +@db\.Uuid$/m);
    expect(code).toMatch(/^ {2}order +Order +@relation\(fields: \[order_id\], references: \[id\]\)$/m);
    expect(code).toMatch(/^ {2}stripe_refund_id +String\? +@unique$/m);
    expect(code).toMatch(/^ {2}amount +Decimal +@db\.Decimal\(10, 2\)$/m);
    expect(code).toMatch(/^ {2}status +RefundStatus +@default\(pending\)$/m);
    expect(code).toMatch(/^ {2}created_at +DateTime +@default\(now\(\)\) @db\.Timestamptz\(6\)$/m);
    expect(code).toContain('@@index([order_id, created_at(sort: Desc)], map: "refunds_order_id_created_at_idx")');
    expect(code).toContain('@@map("refunds")');
    expect(code).toMatch(/model Order \{\n {2}\/\/ existing fields\n {2}refund_note +String\?\n {2}refunded_cents +Int +@default\(0\)\n {2}is_refundable +Boolean +@default\(true\)\n {2}refunds +Refund\[\]\n\}/);
    expect(code).toContain('enum RefundStatus {\n  pending\n  done\n}');
    looksLikePrisma(code);
    looksLikePrisma(render('prisma-schema', 'mysql'));
    looksLikePrisma(render('prisma-schema', 'sqlite'));
  });

  it('Alembic: op.create_table/add_column/create_index in upgrade, the op.drop_* in downgrade; Python compiles', () => {
    const code = render('alembic-op');
    expect(code).toContain('sa.Column("order_id", sa.Uuid(), sa.ForeignKey("orders.id"), nullable=False),');
    expect(code).toContain('sa.Column("stripe_refund_id", sa.Text(), unique=True),');
    expect(code).toContain('sa.Column("amount", sa.Numeric(10, 2), nullable=False),');
    expect(code).toContain('sa.CheckConstraint("status IN (\'pending\', \'done\')", name="refunds_status_check"),');
    expect(code).toContain('op.create_index("refunds_order_id_created_at_idx", "refunds", ["order_id", sa.text("created_at DESC")])');
    expect(code).toContain('postgresql_where=sa.text("status = \'pending\'")');
    expect(code).toContain('op.add_column("orders", sa.Column("refund_note", sa.Text()))');
    expect(code).toContain('op.add_column("orders", sa.Column("refunded_cents", sa.Integer(), nullable=False, server_default="0"))');
    expect(code).toContain('server_default=sa.true()');
    expect(code.slice(code.indexOf('def downgrade'))).toBe(
      'def downgrade() -> None:\n    op.drop_column("orders", "refund_note")\n    op.drop_column("orders", "refunded_cents")\n    op.drop_column("orders", "is_refundable")\n    op.drop_table("refunds")',
    );
    if (has('python3')) compilesAsPython(code, 'alembic');
  });

  it('Alembic and Active Record add a NOT NULL column without a default to a populated table nullable, then tighten it', () => {
    const entities: Entity[] = [{ table: 'orders', change: 'alter-table', line: 1, columns: [{ name: 'region', line: 2, nullable: false }] }];
    const populated = schemaChange(entities, [], new Set(['orders']), 'postgres', undefined);
    const alembic = FORMS['alembic-op']!.block(populated);
    expect(alembic).toContain('op.add_column("orders", sa.Column("region", sa.Text()))\n    # after the backfill:\n    op.alter_column("orders", "region", nullable=False)');
    if (has('python3')) compilesAsPython(alembic, 'alembic_populated');
    expect(FORMS['rails-dsl']!.block(populated)).toBe('add_column :orders, :region, :text\n# after the backfill:\nchange_column_null :orders, :region, false');
  });

  it('Active Record: create_table with references, checks and indexes; add_column with null and default', () => {
    const code = render('rails-dsl');
    expect(code.split('\n')).toEqual([
      'create_table :refunds, id: :uuid do |t|',
      '  t.references :order, type: :uuid, foreign_key: { to_table: :orders }, index: false, null: false',
      '  t.text :stripe_refund_id',
      '  t.decimal :amount, precision: 10, scale: 2, null: false',
      '  t.text :status, null: false, default: "pending"',
      '  t.jsonb :metadata',
      '  t.timestamptz :created_at, null: false, default: -> { "CURRENT_TIMESTAMP" }',
      '  t.check_constraint "status IN (\'pending\', \'done\')", name: "refunds_status_check"',
      '  t.index :stripe_refund_id, unique: true, name: "refunds_stripe_refund_id_key"',
      '  t.index [:order_id, :created_at], order: { created_at: :desc }, name: "refunds_order_id_created_at_idx"',
      '  t.index :created_at, where: "status = \'pending\'", name: "refunds_pending_created_at_idx"',
      'end',
      'add_column :orders, :refund_note, :text',
      'add_column :orders, :refunded_cents, :integer, null: false, default: 0',
      'add_column :orders, :is_refundable, :boolean, null: false, default: true',
    ]);
    if (has('ruby')) {
      const file = path.join(scratch, 'migration.rb');
      writeFileSync(file, code);
      execFileSync('ruby', ['-c', file]);
    }
    expect(FORMS['rails-dsl']!.rollback!({ kind: 'create-table', table: 'refunds', columns: [] })).toBe('drop_table :refunds');
    expect(FORMS['rails-dsl']!.rollback!({ kind: 'add-columns', table: 'orders', columns: ['refund_note'] })).toBe('remove_column :orders, :refund_note');
  });

  it('Laravel: Schema::create with foreignUuid()->constrained(), enum, decimal and named indexes; Schema::table adds columns', () => {
    const code = render('laravel-schema');
    expect(code.split('\n')).toEqual([
      "Schema::create('refunds', function (Blueprint $table) {",
      "    $table->uuid('id')->primary();",
      "    $table->foreignUuid('order_id')->constrained('orders');",
      "    $table->text('stripe_refund_id')->nullable();",
      "    $table->decimal('amount', 10, 2);",
      "    $table->enum('status', ['pending', 'done'])->default('pending');",
      "    $table->jsonb('metadata')->nullable();",
      "    $table->timestampTz('created_at')->useCurrent();",
      "    $table->unique('stripe_refund_id', 'refunds_stripe_refund_id_key');",
      '});',
      "DB::statement('CREATE INDEX refunds_order_id_created_at_idx ON refunds (order_id, created_at DESC)');",
      "DB::statement('CREATE INDEX refunds_pending_created_at_idx ON refunds (created_at) WHERE status = \\'pending\\'');",
      "Schema::table('orders', function (Blueprint $table) {",
      "    $table->text('refund_note')->nullable();",
      "    $table->integer('refunded_cents')->default(0);",
      "    $table->boolean('is_refundable')->default(true);",
      '});',
    ]);
    // A stated varchar length is kept; a bigint key to an `id` is foreignId().
    const sized = schemaChange([{ table: 'loan_events', change: 'new-table', line: 1, columns: [{ name: 'loan_id', line: 2, references: 'loans', nullable: false }, { name: 'kind', line: 3, type: 'varchar(30)', nullable: false }] }], [], new Set(), 'postgres', 'bigint');
    expect(FORMS['laravel-schema']!.block(sized).split('\n').slice(0, 4)).toEqual([
      "Schema::create('loan_events', function (Blueprint $table) {",
      '    $table->id();',
      "    $table->foreignId('loan_id')->constrained('loans');",
      "    $table->string('kind', 30);",
    ]);
    expect(FORMS['laravel-schema']!.rollback!({ kind: 'create-table', table: 'refunds', columns: [] })).toBe("Schema::dropIfExists('refunds');");
    expect(FORMS['laravel-schema']!.rollback!({ kind: 'add-columns', table: 'orders', columns: ['a', 'b'] })).toBe("Schema::table('orders', fn (Blueprint $table) => $table->dropColumn(['a', 'b']));");
  });

  it('Django: the model fields for models.py (foreign keys by field name, choices, Meta indexes); Python compiles', () => {
    const code = render('django-models');
    expect(code).toContain('class Refund(models.Model):\n    id = models.UUIDField(primary_key=True)\n    order = models.ForeignKey("Order", models.PROTECT)\n');
    expect(code).toContain('    stripe_refund_id = models.TextField(null=True, unique=True)');
    expect(code).toContain('    amount = models.DecimalField(max_digits=10, decimal_places=2)');
    expect(code).toContain('    status = models.TextField(choices=[("pending", "pending"), ("done", "done")], default="pending")');
    expect(code).toContain('    created_at = models.DateTimeField(default=timezone.now)');
    // Django refuses index names over 30 characters: a plain index is left for Django to name, and says so.
    expect(code).toContain('models.Index(fields=["order", "-created_at"]),  # the plan\'s refunds_order_id_created_at_idx is over 30 characters');
    expect(code).toContain('models.Index(fields=["created_at"], name="refunds_pending_created_at_idx", condition=models.Q(status="pending")),');
    expect(code).toContain('class Order(models.Model):  # existing model: add these fields\n    refund_note = models.TextField(null=True)\n    refunded_cents = models.IntegerField(default=0)\n    is_refundable = models.BooleanField(default=True)');
    if (has('python3')) compilesAsPython(code, 'models');
    expect(FORMS['django-models']!.rollback!({ kind: 'add-columns', table: 'refunds', columns: ['order_id', 'stripe_refund_id'], foreignKeys: ['order_id'] })).toBe('migrations.RemoveField("refund", "order"); migrations.RemoveField("refund", "stripe_refund_id")');
  });

  it('Drizzle: the table declaration of the detected database; TypeScript parses', () => {
    const pg = render('drizzle-table');
    expect(pg).toContain('import { boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";');
    expect(pg).toContain('export const refunds = pgTable("refunds", {');
    expect(pg).toContain('  order_id: uuid("order_id").notNull().references(() => orders.id),');
    expect(pg).toContain('  stripe_refund_id: text("stripe_refund_id").unique(),');
    expect(pg).toContain('  status: text("status", { enum: ["pending", "done"] }).notNull().default("pending"),');
    expect(pg).toContain('  created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),');
    expect(pg).toContain('  index("refunds_order_id_created_at_idx").on(t.order_id, t.created_at.desc()),');
    expect(pg).toContain('  index("refunds_pending_created_at_idx").on(t.created_at).where(sql`status = \'pending\'`),');
    expect(pg).toContain('export const orders = pgTable("orders", {\n  // existing columns\n  refund_note: text("refund_note"),\n  refunded_cents: integer("refunded_cents").notNull().default(0),');
    const mysql = render('drizzle-table', 'mysql');
    expect(mysql).toContain('mysqlTable("refunds"');
    expect(mysql).toContain('status: mysqlEnum("status", ["pending", "done"])');
    const sqlite = render('drizzle-table', 'sqlite');
    expect(sqlite).toContain('sqliteTable("refunds"');
    expect(sqlite).toContain('is_refundable: integer("is_refundable", { mode: "boolean" }).notNull().default(true)');
    for (const code of [pg, mysql, sqlite]) parsesAsTypeScript(code);
  });

  it('SQL: DDL as today, with goose’s Up/Down markers; populated tables are left to the online plan', () => {
    const plain = render('sql');
    expect(plain).toContain('CREATE TABLE refunds (\n  id uuid PRIMARY KEY,\n  order_id uuid NOT NULL REFERENCES orders (id),\n  stripe_refund_id text UNIQUE,');
    expect(plain).toContain("status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done'))");
    expect(plain).toContain('CREATE INDEX refunds_order_id_created_at_idx ON refunds (order_id, created_at DESC);');
    expect(plain).toContain('ALTER TABLE orders ADD COLUMN refunded_cents integer NOT NULL DEFAULT 0;');
    expect(plain).not.toContain('goose');
    const goose = render('sql', 'postgres', ['orders'], { up: '-- +goose Up', down: '-- +goose Down' });
    expect(goose.split('\n')[0]).toBe('-- +goose Up');
    expect(goose).toContain('\n\n-- +goose Down\nDROP TABLE refunds;');
    expect(goose).not.toContain('orders ADD');
    expect(FORMS.sql!.shows!(change('postgres', ['orders']).tables[1])).toBe(false);
    // MySQL ignores a column-level REFERENCES: its foreign keys are table constraints.
    const mysql = render('sql', 'mysql');
    expect(mysql).toContain('  order_id char(36) NOT NULL,');
    expect(mysql).toContain('  FOREIGN KEY (order_id) REFERENCES orders (id)\n);');
    if (has('sqlite3')) runsOnSqlite(render('sql', 'sqlite'));
  });

  it('every migration tool names a form that has a renderer, or none', () => {
    for (const tool of MIGRATION_TOOLS) expect(tool.changeForm === 'none' || Boolean(FORMS[tool.changeForm]), tool.id).toBe(true);
    expect(MIGRATION_TOOLS.find((t) => t.id === 'goose')?.sqlMarkers).toEqual({ up: '-- +goose Up', down: '-- +goose Down' });
  });

  it('is deterministic', () => {
    for (const form of Object.keys(FORMS) as ChangeForm[]) expect(render(form)).toBe(render(form));
  });
});

describe('a junction keyed by the pair of keys to the tables it joins', () => {
  const junction: Entity[] = [
    {
      table: 'book_shelves', change: 'new-table', line: 1, joins: ['books', 'shelves'],
      columns: [
        { name: 'book_id', line: 2, references: 'books', nullable: false },
        { name: 'shelf_id', line: 2, references: 'shelves', nullable: false },
      ],
    },
  ];
  const built = (database = 'postgres') => schemaChange(junction, [], new Set(), database, 'bigint');
  const block = (form: ChangeForm, database = 'postgres') => FORMS[form]!.block(built(database));

  it('gets no `id`: the two keys are its primary key, each still a foreign key', () => {
    const [table] = built().tables;
    expect(table.columns.map((column) => column.name)).toEqual(['book_id', 'shelf_id']);
    expect(table.primaryKey).toEqual(['book_id', 'shelf_id']);
    expect(table.columns.every((column) => !column.primaryKey && !column.nullable && column.references)).toBe(true);
  });

  it('each form states the two-column key its own way', () => {
    expect(block('sql')).toContain('CREATE TABLE book_shelves (\n  book_id bigint NOT NULL REFERENCES books (id),\n  shelf_id bigint NOT NULL REFERENCES shelves (id),\n  PRIMARY KEY (book_id, shelf_id)\n);');
    expect(block('prisma-schema')).toContain('  @@id([book_id, shelf_id])');
    expect(block('alembic-op')).toContain('    sa.PrimaryKeyConstraint("book_id", "shelf_id"),');
    expect(block('drizzle-table')).toContain('}, (t) => [\n  primaryKey({ columns: [t.book_id, t.shelf_id] }),\n]);');
    expect(block('drizzle-table')).toMatch(/import \{[^}]*\bprimaryKey\b[^}]*\} from "drizzle-orm\/pg-core";/);
    expect(block('rails-dsl')).toContain('create_table :book_shelves, primary_key: [:book_id, :shelf_id] do |t|');
    // Django gives every model its own `id`: the pair is kept unique, as its many-to-many tables do.
    expect(block('django-models')).toContain('models.UniqueConstraint(fields=["book", "shelf"], name="book_shelves_book_id_shelf_id_key"),');
    parsesAsTypeScript(block('drizzle-table'));
    looksLikePrisma(block('prisma-schema'));
    if (has('python3')) compilesAsPython(block('alembic-op'), 'junction');
    if (has('sqlite3')) runsOnSqlite(block('sql', 'sqlite').replace(/ REFERENCES \w+ \(id\)/g, ''));
  });

  it('a table that is not a junction, or one with its own `id`, keeps the one-column key', () => {
    const own: Entity[] = [{ ...junction[0], columns: [{ name: 'id', line: 1 }, ...junction[0].columns] }];
    expect(schemaChange(own, [], new Set(), 'postgres', 'bigint').tables[0].primaryKey).toBeUndefined();
    const plain: Entity[] = [{ ...junction[0], joins: undefined }];
    expect(schemaChange(plain, [], new Set(), 'postgres', 'bigint').tables[0].columns[0]).toMatchObject({ name: 'id', primaryKey: true });
  });
});

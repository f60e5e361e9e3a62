// Fit the repository: the folder, naming and key type of existing migrations and
// models decide the Data model section; where the repository is silent it says so.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { MIGRATIONS } from '../../lib/model/conventions.js';
import { extractScope } from '../../lib/scope/index.js';
import { detectStack } from '../../lib/stack/index.js';
import { readSchemaSync } from '../../lib/stack/layout.js';
import { RepoReader } from '../../lib/stack/scan.js';
import type { ServiceStack } from '../../lib/types.js';
import { d, expressService, refundsInput, service } from './fixtures.js';
import { renderSection } from '../../lib/render/index.js';

const REPOS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos');

const SPEC = `# Item ratings

## Data model

\`\`\`sql
CREATE TABLE ratings (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES item(id),
  stars integer NOT NULL
);
ALTER TABLE item ADD COLUMN rating_count integer DEFAULT 0 NOT NULL;
ALTER TABLE item ADD COLUMN rated_at timestamptz NOT NULL;
\`\`\`

Item holds about 2 million rows.
`;

const UNTYPED_SPEC = `# Notes

## Data model

New table \`notes\`:

| Column | Type | Constraints |
|--------|------|-------------|
| \`id\` | | primary key |
| \`item_id\` | | FK item, not null |
`;

async function detected(name: string): Promise<ServiceStack> {
  const report = await detectStack(path.join(REPOS, name));
  return report.services.find((s) => s.kind === 'app')!;
}

describe('migrations follow the repository’s existing folder and naming', () => {
  let fastapi: ServiceStack;
  let go: ServiceStack;
  beforeAll(async () => {
    [fastapi, go] = await Promise.all([detected('fit-fastapi-alembic-nested'), detected('fit-go-migrate-seq')]);
  });

  it('reads Alembic’s versions folder from alembic.ini script_location, nested under the app', () => {
    expect(fastapi.layout?.migrations).toMatchObject({ dir: 'app/alembic/versions', evidence: [{ file: 'backend/alembic.ini', line: 2 }] });
    const spec = buildBackendSpec(refundsInput({ service: fastapi, scope: extractScope(SPEC) }));
    const files = spec.dataModel.migrations.map((m) => m.file);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^backend\/app\/alembic\/versions\/<rev>_[a-z_]+\.py$/);
    expect(spec.dataModel.migrationsFrom).toBe('repository');
    expect(spec.dataModel.toolSource).toBe('detected');
  });

  it('keeps db/migrations and the six-digit sequence prefix of golang-migrate files', () => {
    expect(go.layout?.migrations).toMatchObject({ dir: 'db/migrations', prefix: '<nnnnnn>', count: 2 });
    const spec = buildBackendSpec(refundsInput({ service: go, scope: extractScope(SPEC) }));
    const [first] = spec.dataModel.migrations;
    expect(first.file).toBe('db/migrations/<nnnnnn>_create_ratings.up.sql');
    expect(first.extraFiles).toEqual(['db/migrations/<nnnnnn>_create_ratings.down.sql']);
    expect(spec.dataModel.applyCommand).toBe('migrate -path db/migrations -database "$DATABASE_URL" up');
    expect(spec.dataModel.rollbackCommand).toContain('-path db/migrations');
  });

  it('uses the tool’s standard folder and says so when the repository has no migrations', () => {
    const spec = buildBackendSpec(refundsInput({ service: { ...expressService(), migrations: undefined } }));
    expect(spec.dataModel.toolSource).toBe('orm-standard');
    expect(spec.dataModel.migrationsFrom).toBe('standard');
    expect(spec.dataModel.migrations[0].file).toBe('prisma/migrations/<timestamp>_create_refunds/migration.sql');
  });

  it('reports no migration tool the repository shows no evidence of', async () => {
    // fastapi-sqlmodel has SQLModel but neither alembic nor migration files.
    const plain = await detected('fastapi-sqlmodel');
    expect(plain.orm?.value).toBe('sqlmodel');
    expect(plain.migrations).toBeUndefined();
    expect(plain.layout?.migrations).toBeUndefined();
  });

  it('leaves no {name} or {dir} placeholder in any rollback or apply command', () => {
    for (const [id, conv] of Object.entries(MIGRATIONS)) {
      const spec = buildBackendSpec(refundsInput({ service: service('x', { orm: undefined, migrations: { value: id, confidence: 0.9, evidence: [{ file: 'x' }] }, databases: [{ value: 'postgres', confidence: 0.9, evidence: [] }] }) }));
      expect(spec.dataModel.tool, id).toBe(id);
      for (const text of [spec.dataModel.rollbackCommand, spec.dataModel.applyCommand, ...spec.dataModel.migrations.map((m) => m.file)]) {
        expect(text, id).not.toMatch(/\{(name|Name|dir)\}/);
      }
    }
  });
});

describe('key types follow the existing tables', () => {
  let fastapi: ServiceStack;
  let go: ServiceStack;
  beforeAll(async () => {
    [fastapi, go] = await Promise.all([detected('fit-fastapi-alembic-nested'), detected('fit-go-migrate-seq')]);
  });

  it('reads uuid keys from SQLModel models and Alembic migrations', () => {
    expect(fastapi.layout?.primaryKey?.type).toBe('uuid');
    expect(go.layout?.primaryKey?.type).toBe('bigint');
  });

  it('gives new keys and references the repository’s uuid type, never bigint', () => {
    const spec = buildBackendSpec(refundsInput({ service: fastapi, scope: extractScope(UNTYPED_SPEC) }));
    // Alembic is detected: the change block carries the columns' types.
    expect(spec.dataModel.change?.code).toContain('sa.Column("id", sa.Uuid(), primary_key=True)');
    expect(spec.dataModel.change?.code).toContain('sa.Column("item_id", sa.Uuid(), sa.ForeignKey("item.id"), nullable=False)');
    expect(spec.dataModel.change?.code).not.toMatch(/BigInteger/);
    const untooled = buildBackendSpec(refundsInput({ service: { ...fastapi, orm: undefined, migrations: undefined }, scope: extractScope(UNTYPED_SPEC) }));
    expect(untooled.dataModel.erDiagram).toMatch(/uuid id PK/);
    expect(untooled.dataModel.erDiagram).toMatch(/uuid item_id FK/);
    expect(untooled.dataModel.erDiagram).not.toMatch(/bigint/);
    expect(spec.dataModel.keyType).toBe('uuid');
  });

  it('checks a path key as the repository’s key type in the validation table (uuid, bigint as integer)', () => {
    const scope = extractScope('# Notes\n\n## API\n\n- `GET /v1/notes/{noteId}` returns a note.\n- `GET /v1/notes/{slug}/preview` returns the preview.\n');
    const rulesOf = (svc: ServiceStack | undefined) => buildBackendSpec(refundsInput({ service: svc, scope })).validation.rules.filter((rule) => rule.location === 'path');
    expect(rulesOf(fastapi).map((rule) => [rule.field, rule.constraints])).toEqual([['noteId', ['uuid']], ['slug', ['string', 'id format']]]);
    expect(rulesOf(go).find((rule) => rule.field === 'noteId')?.constraints).toEqual(['integer']);
    expect(rulesOf({ ...go, layout: { ...go.layout, primaryKey: undefined } }).find((rule) => rule.field === 'noteId')?.constraints).toEqual(['string', 'id format']);
  });

  it('batches a uuid-keyed backfill by keyset, not by id arithmetic', () => {
    const spec = buildBackendSpec(refundsInput({ service: fastapi, scope: extractScope(SPEC) }));
    const item = spec.dataModel.populated.find((p) => p.table === 'item')!;
    expect(item.backfill.batchStatement).not.toMatch(/:last_id \+/);
    expect(item.backfill.batchStatement).toMatch(/id > :last_id .*ORDER BY id LIMIT 1000/);
  });

  it('keeps id ranges for a bigint-keyed repository', () => {
    const spec = buildBackendSpec(refundsInput({ service: go, scope: extractScope(SPEC) }));
    const item = spec.dataModel.populated.find((p) => p.table === 'item')!;
    expect(item.backfill.batchStatement).toMatch(/id <= :last_id \+ 1000/);
  });

  it('adds a stated DEFAULT 0 NOT NULL in one step, not nullable plus backfill', () => {
    const spec = buildBackendSpec(refundsInput({ service: fastapi, scope: extractScope(SPEC) }));
    const steps = spec.dataModel.populated.find((p) => p.table === 'item')!.steps.map((s) => s.code ?? s.kind);
    expect(steps).toContain('ALTER TABLE item ADD COLUMN rating_count integer NOT NULL DEFAULT 0;');
    expect(steps).not.toContain('ALTER TABLE item ADD COLUMN rating_count integer;');
  });
});

describe('column types from the naming vocabulary', () => {
  const MONEY_SPEC = `# Refunds

## Data model

New table \`refunds\` (id, order_id, amount, refund_fee, quantity, note).
`;

  it('money is exact (numeric, or a MySQL DECIMAL with cents) and quantities are integers; other words stay text', () => {
    const postgres = buildBackendSpec(refundsInput({ service: service('api', { databases: [d('postgres', 'docker-compose.yml', 1)] }), scope: extractScope(MONEY_SPEC) }));
    expect(postgres.dataModel.erDiagram).toMatch(/numeric amount\n\s+numeric refund_fee\n\s+integer quantity\n\s+text note/);
    const mysql = buildBackendSpec(refundsInput({ service: service('api', { databases: [d('mysql', 'docker-compose.yml', 1)] }), scope: extractScope(MONEY_SPEC) }));
    expect(mysql.dataModel.erDiagram).toMatch(/decimal_19_4 amount/);
  });
});

describe('a new table without a stated key', () => {
  it('draws the repository key type as its primary key, and a stated key keeps its own', () => {
    const spec = buildBackendSpec(refundsInput({ service: service('api', { databases: [d('postgres', 'docker-compose.yml', 1)] }), scope: extractScope('# X\n\n## Data model\n\nNew table `notes` (body, author_id).\n\nNew table `tags` (id uuid, label).\n') }));
    expect(spec.dataModel.erDiagram).toMatch(/notes \{\n\s+bigint id PK\n\s+text body/);
    expect(spec.dataModel.erDiagram).toMatch(/tags \{\n\s+uuid id PK\n\s+text label/);
  });
});

describe('TypeORM with synchronize: true and no migrations', () => {
  let synced: ServiceStack;
  beforeAll(async () => {
    synced = await detected('fit-typeorm-synchronize');
  });

  it('reads the setting from the data source, with its line', () => {
    expect(synced.orm?.value).toBe('typeorm');
    expect(synced.layout?.migrations).toBeUndefined();
    expect(synced.layout?.schemaSync).toEqual({ orm: 'typeorm', setting: 'synchronize: true', evidence: [{ file: 'src/data-source.ts', line: 10 }] });
  });

  it('plans entity changes, not migration files or commands, and asks about migrations before production', async () => {
    const spec = buildBackendSpec(refundsInput({ service: synced, scope: extractScope(SPEC) }));
    expect(spec.dataModel.schemaSync).toMatchObject({ ormLabel: 'TypeORM', setting: 'synchronize: true', evidence: 'src/data-source.ts:10' });
    expect(spec.dataModel.schemaSync!.entities).toMatchObject({ ratings: 'Rating', item: 'Item' });
    expect(spec.dataModel.applyCommand).toBeUndefined();
    expect(spec.dataModel.rollbackCommand).toBeUndefined();
    expect(spec.openQuestions.find((q) => q.code === 'schema-sync')?.text).toContain('introduce migrations before production');

    const { markdown } = await renderSection(spec, 'en');
    const section = markdown.slice(markdown.indexOf('### Data model changes'), markdown.indexOf('### Authn/authz matrix'));
    expect(section).toContain('Schema synchronised from the entities: TypeORM runs with `synchronize: true` (`src/data-source.ts:10`)');
    expect(section).toContain('| 1 | `Rating` | `ratings` | new entity: `id`, `item_id`, `stars` |');
    expect(section).toMatch(/\| `Item` \| `item` \| add `rating_count`, `rated_at`/);
    expect(section).not.toMatch(/migration:run|migration:revert|src\/migrations|<timestamp>/);
    const zh = (await renderSection(spec, 'zh-TW')).markdown;
    expect(zh).toContain('schema 由 entity 同步產生：TypeORM 設定了 `synchronize: true`');
    expect(zh).toContain('上線前是否要改用遷移');
  });

  it('reads it from a committed template of the configuration (ormconfig.json.example)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'magi-ormconfig-'));
    writeFileSync(path.join(root, 'ormconfig.json.example'), '{\n  "type": "mysql",\n  "entities": ["src/**/**.entity{.ts,.js}"],\n  "synchronize": true\n}\n');
    const found = await readSchemaSync(new RepoReader(root), '.', ['ormconfig.json.example'], 'typeorm');
    expect(found).toEqual({ orm: 'typeorm', setting: 'synchronize: true', evidence: [{ file: 'ormconfig.json.example', line: 4 }] });
  });

  it('keeps planning migrations when the repository already has them', async () => {
    const nest = await detected('nestjs-typeorm');
    const withSync = { ...nest, layout: { ...nest.layout, schemaSync: { orm: 'typeorm', setting: 'synchronize: true', evidence: [{ file: 'src/app.module.ts', line: 9 }] } } };
    const spec = buildBackendSpec(refundsInput({ service: withSync, scope: extractScope(SPEC) }));
    expect(nest.layout?.migrations?.count).toBeGreaterThan(0);
    expect(spec.dataModel.schemaSync).toBeUndefined();
    expect(spec.dataModel.migrations[0].file).toMatch(/^src\/migrations\/<timestamp>-/);
  });
});

describe('a table the repository\'s TypeORM entities already declare', () => {
  const BOOK_SPEC = ['# Book numbers', '', '## Data model', '', '- **Book**: a book on the list. Attributes: `title`, `isbn`.', ''].join('\n');
  let synced: ServiceStack;
  beforeAll(async () => {
    synced = await detected('fit-typeorm-synchronize');
  });

  it('is read from the entity files, with the decorator\'s table name and column types', () => {
    expect(synced.layout?.tables).toEqual([
      {
        table: 'books',
        className: 'Book',
        columns: [{ name: 'id', type: 'uuid' }, { name: 'title', type: 'string' }, { name: 'createdAt', type: 'Date' }],
        evidence: [{ file: 'src/entities/book.entity.ts', line: 4 }],
      },
    ]);
  });

  it('is changed, not created: the repository\'s table name, only the columns it lacks, no question about the types it has', () => {
    const scope = extractScope(BOOK_SPEC);
    expect(scope.questions.map((q) => q.text)).toContain('`Book`: the types of `title`, `isbn` are not stated.');
    const spec = buildBackendSpec(refundsInput({ service: synced, scope }));
    expect(spec.dataModel.migrations.map((migration) => [migration.kind, migration.table, migration.columns])).toEqual([['add-columns', 'books', ['isbn']]]);
    // The entity column names the repository's class for the table it declares.
    const renamed = { ...synced, layout: { ...synced.layout, tables: synced.layout!.tables!.map((table) => ({ ...table, className: 'BookEntity' })) } };
    expect(buildBackendSpec(refundsInput({ service: renamed, scope })).dataModel.schemaSync?.entities).toEqual({ books: 'BookEntity' });
    // `isbn` is still untyped, so the question stays; one about `title` alone would not.
    const onlyTitle = extractScope(BOOK_SPEC.replace(', `isbn`', ''));
    expect(buildBackendSpec(refundsInput({ service: synced, scope: onlyTitle })).openQuestions.map((q) => q.text).join('\n')).not.toContain('types of `title`');
  });
});

describe('GORM v1 with db.AutoMigrate and no migrations', () => {
  let gormV1: ServiceStack;
  beforeAll(async () => {
    gormV1 = await detected('fit-gin-gorm-v1');
  });

  it('reads integer keys from `ID uint` and gorm.Model, and AutoMigrate as the schema source', () => {
    expect(gormV1.layout?.primaryKey).toEqual({ type: 'integer', evidence: [{ file: 'accounts/models.go', line: 4 }] });
    expect(gormV1.layout?.schemaSync).toEqual({ orm: 'gorm', setting: 'AutoMigrate', evidence: [{ file: 'main.go', line: 13 }] });
  });

  it('plans model changes with integer keys, not goose files', () => {
    const spec = buildBackendSpec(refundsInput({ service: gormV1, scope: extractScope(SPEC) }));
    expect(spec.dataModel.keyType).toBe('integer');
    expect(spec.dataModel.schemaSync).toMatchObject({ ormLabel: 'GORM', setting: 'AutoMigrate', evidence: 'main.go:13' });
    expect(spec.dataModel.applyCommand).toBeUndefined();
    expect(spec.openQuestions.find((q) => q.code === 'schema-sync')).toBeDefined();
  });
});

describe('a stated uuid key follows how the repository makes its keys', () => {
  const UUID_SPEC = '# Notes\n\n## Data model\n\nNew table `notes` (id uuid, body text NOT NULL).\n';

  it('gets the insert-time default the existing schema declares (Prisma `@default(uuid())`); without one the key stays as stated', async () => {
    const prisma = await detected('express-prisma');
    expect(prisma.layout?.primaryKey).toMatchObject({ type: 'uuid', generated: true });
    const spec = buildBackendSpec(refundsInput({ service: prisma, scope: extractScope(UUID_SPEC) }));
    expect(spec.dataModel.change?.code).toMatch(/^ {2}id +String +@id @default\(uuid\(\)\) @db\.Uuid$/m);
    const plain = { ...prisma, layout: { ...prisma.layout, primaryKey: { ...prisma.layout!.primaryKey!, generated: undefined } } };
    const stated = buildBackendSpec(refundsInput({ service: plain, scope: extractScope(UUID_SPEC) }));
    expect(stated.dataModel.change?.code).toMatch(/^ {2}id +String +@id @db\.Uuid$/m);
  });
});

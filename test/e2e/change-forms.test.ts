// Fit the repository, end to end: a fixture repository's detected ORM or
// migration tool decides the form of the Data model section's change block,
// in both section languages, and the block parses in its language.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { renderSection } from '../../lib/render/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { detectStack } from '../../lib/stack/index.js';
import type { ServiceStack } from '../../lib/types.js';
import { refundsInput } from '../model/fixtures.js';
import { compilesAsPython, has, looksLikePrisma, parsesAsTypeScript } from '../model/form-checks.js';

const REPOS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos');

const SPEC = `# Item ratings

## Data model

\`\`\`sql
CREATE TABLE ratings (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES item(id),
  stars integer NOT NULL,
  review_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE item ADD COLUMN rating_note text;
ALTER TABLE item ADD COLUMN rating_count integer DEFAULT 0 NOT NULL;
\`\`\`
`;

async function detected(name: string): Promise<ServiceStack> {
  const report = await detectStack(path.join(REPOS, name));
  return report.services.find((s) => s.kind === 'app')!;
}

/** The fenced block that follows the change sentence of the Data model section. */
function changeBlock(markdown: string, language: string): string | undefined {
  const section = markdown.slice(markdown.indexOf('### Data model changes'), markdown.indexOf('### Authn/authz matrix'));
  const match = new RegExp('\\n```' + language + '\\n([\\s\\S]*?)\\n```\\n').exec(section);
  return match?.[1];
}

const CASES: Array<{ repo: string; tool: string; form: string; fence: string; expect: RegExp[]; check?: (code: string) => void }> = [
  {
    repo: 'express-prisma', tool: 'prisma-migrate', form: 'prisma-schema', fence: 'prisma',
    expect: [/^model Rating \{$/m, /^ {2}item +Item +@relation\(fields: \[item_id\], references: \[id\]\)$/m, /^ {2}review_key +String\? +@unique$/m, /^ {2}ratings +Rating\[\]$/m, /@@index\(\[item_id\], map: "ratings_item_id_idx"\)/],
    check: looksLikePrisma,
  },
  {
    repo: 'fastapi-sqlalchemy', tool: 'alembic', form: 'alembic-op', fence: 'python',
    expect: [/op\.create_table\(\n {8}"ratings",/, /sa\.Column\("item_id", sa\.Uuid\(\), sa\.ForeignKey\("item\.id"\), nullable=False\)/, /op\.add_column\("item", sa\.Column\("rating_count", sa\.Integer\(\), nullable=False, server_default="0"\)\)/, /op\.drop_table\("ratings"\)/],
    check: (code) => has('python3') && compilesAsPython(code, 'e2e_alembic'),
  },
  {
    repo: 'fit-fastapi-alembic-nested', tool: 'alembic', form: 'alembic-op', fence: 'python',
    expect: [/op\.create_index\("ratings_item_id_idx", "ratings", \["item_id"\]\)/, /op\.drop_column\("item", "rating_note"\)/],
    check: (code) => has('python3') && compilesAsPython(code, 'e2e_alembic_nested'),
  },
  {
    repo: 'rails-devise-sidekiq', tool: 'rails-migrations', form: 'rails-dsl', fence: 'ruby',
    expect: [/^create_table :ratings, id: :uuid do \|t\|$/m, /^ {2}t\.references :item, type: :uuid, foreign_key: \{ to_table: :item \}, index: false, null: false$/m, /^add_column :item, :rating_count, :integer, null: false, default: 0$/m, /^end$/m],
  },
  {
    repo: 'django-drf', tool: 'django-migrations', form: 'django-models', fence: 'python',
    expect: [/^class Rating\(models\.Model\):$/m, /^ {4}item = models\.ForeignKey\("Item", models\.PROTECT\)$/m, /^class Item\(models\.Model\): {2}# existing model: add these fields$/m, /^ {4}rating_count = models\.IntegerField\(default=0\)$/m],
    check: (code) => has('python3') && compilesAsPython(code, 'e2e_models'),
  },
  {
    repo: 'fastify-drizzle', tool: 'drizzle-kit', form: 'drizzle-table', fence: 'ts',
    expect: [/^export const ratings = pgTable\("ratings", \{$/m, /item_id: uuid\("item_id"\)\.notNull\(\)\.references\(\(\) => item\.id\)/, /created_at: timestamp\("created_at", \{ withTimezone: true \}\)\.notNull\(\)\.defaultNow\(\)/],
    check: parsesAsTypeScript,
  },
  {
    repo: 'fit-go-migrate-seq', tool: 'golang-migrate', form: 'sql', fence: 'sql',
    expect: [/^CREATE TABLE ratings \($/m, /^ {2}item_id uuid NOT NULL REFERENCES item \(id\),$/m, /^ALTER TABLE item ADD COLUMN rating_count integer NOT NULL DEFAULT 0;$/m],
  },
  {
    repo: 'gin-gorm', tool: 'goose', form: 'sql', fence: 'sql',
    expect: [/^-- \+goose Up\nCREATE TABLE ratings \(/, /\n-- \+goose Down\nALTER TABLE item DROP COLUMN rating_note, DROP COLUMN rating_count;\nDROP TABLE ratings;$/],
  },
];

describe('the change block follows the repository’s tool', () => {
  const services = new Map<string, ServiceStack>();
  beforeAll(async () => {
    for (const { repo } of CASES) services.set(repo, await detected(repo));
  });

  it.each(CASES)('$repo: $form, in both languages', async ({ repo, tool, form, fence, expect: patterns, check }) => {
    const spec = buildBackendSpec(refundsInput({ service: services.get(repo)!, scope: extractScope(SPEC), answers: { populatedTables: [] } }));
    expect(spec.dataModel.tool).toBe(tool);
    expect(spec.dataModel.change?.form).toBe(form);
    const blocks: string[] = [];
    for (const language of ['en', 'zh-TW']) {
      const { markdown } = await renderSection(spec, language);
      const block = changeBlock(markdown, fence);
      expect(block, `${repo} ${language}`).toBeDefined();
      blocks.push(block!);
    }
    expect(blocks[1]).toBe(blocks[0]);
    for (const pattern of patterns) expect(blocks[0]).toMatch(pattern);
    // Names come from this spec only: nothing of the refunds sprint the input builder starts from leaks in.
    expect(blocks[0]).not.toMatch(/refund|order/i);
    check?.(blocks[0]);
  });

  it('keeps the SQL rollback and no block where no migration tool is known', async () => {
    const plain = await detected('fastapi-sqlmodel');
    const spec = buildBackendSpec(refundsInput({ service: { ...plain, orm: undefined }, scope: extractScope(SPEC), answers: { populatedTables: [] } }));
    expect(spec.dataModel.tool).toBeUndefined();
    expect(spec.dataModel.change).toBeUndefined();
    expect(spec.dataModel.migrations[0].rollback.statement).toBe('DROP TABLE ratings;');
  });
});

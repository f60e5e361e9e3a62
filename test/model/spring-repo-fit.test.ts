// A Spring Boot repository decides the folders and files the plan names (Spring realworld trial): the layer
// folders are where its @RestController / @Service / @Mapper classes live, the test files go in its test
// package (never a literal `<pkg>`), and a sprint's tables take the key type its SQL migrations use.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { buildLayers } from '../../lib/model/stack.js';
import { extractScope } from '../../lib/scope/index.js';
import { detectStack } from '../../lib/stack/index.js';
import type { ServiceStack } from '../../lib/types.js';
import { refundsInput } from './fixtures.js';

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos/fit-spring-mybatis-flyway');

const SPEC = `# Book notes

## API
- \`POST /books/{id}/notes\` adds a note to a book. Body: \`text\` (string, required).

## Data model
- New table \`book_notes\` (\`id\`, \`book_id\` (FK books), \`text\` (text, not null), \`created_at\`).
`;

describe('a Spring Boot repository’s own folders and files', () => {
  let shelf: ServiceStack;
  beforeAll(async () => {
    shelf = (await detectStack(REPO)).services[0];
  });

  it('finds each layer’s folder by the annotation its classes carry', () => {
    expect(shelf.layout?.layers?.services).toEqual({ dir: 'src/main/java/org/example/shelf/application', count: 1, evidence: [{ file: 'src/main/java/org/example/shelf/application/BookService.java', line: 7 }] });
    const layers = buildLayers(extractScope(SPEC), shelf);
    expect(layers.map((layer) => [layer.kind, layer.folder, layer.fromRepo])).toEqual([
      ['routes', 'src/main/java/org/example/shelf/api', true],
      ['services', 'src/main/java/org/example/shelf/application', true],
      ['data', 'src/main/java/org/example/shelf/infrastructure/mybatis', true],
    ]);
  });

  it('a conventional folder takes the app entry’s package for <pkg>', () => {
    const bare: ServiceStack = { ...shelf, layout: undefined, orm: undefined, migrations: undefined, validation: undefined, apiStyles: [], framework: shelf.framework ? { ...shelf.framework, evidence: [{ file: 'build.gradle', line: 2 }] } : undefined };
    const layers = buildLayers(extractScope(SPEC), bare);
    expect(layers.find((layer) => layer.kind === 'services')).toMatchObject({ folder: 'src/main/java/org/example/shelf/service', fromRepo: false });
    expect(layers.map((layer) => layer.folder).join(' ')).not.toContain('<pkg>');
  });

  it('puts the test files in the repository’s test package, with gradle commands', () => {
    const spec = buildBackendSpec(refundsInput({ service: shelf, scope: extractScope(SPEC), sprint: { dir: 'docs/04-book-notes', num: '04', slug: 'book-notes' } }));
    const unit = spec.testPlan.commands.find((command) => command.layer === 'unit');
    expect(unit).toMatchObject({ file: 'src/test/java/org/example/shelf/api/BookNotesServiceTest.java', command: './gradlew test --tests BookNotesServiceTest' });
    expect(spec.testPlan.commands.map((command) => command.file).join(' ')).not.toContain('<pkg>');
  });

  it('without a detected test folder, mirrors the app entry’s package under src/test/java', () => {
    const spec = buildBackendSpec(refundsInput({ service: { ...shelf, testDir: undefined }, scope: extractScope(SPEC), sprint: { dir: 'docs/04-book-notes', num: '04', slug: 'book-notes' } }));
    expect(spec.testPlan.commands.find((command) => command.layer === 'integration')?.file).toBe('src/test/java/org/example/shelf/BookNotesIT.java');
  });

  it('gives the new table the string keys of the existing tables, and its reference to books their type', () => {
    const spec = buildBackendSpec(refundsInput({ service: shelf, scope: extractScope(SPEC), sprint: { dir: 'docs/04-book-notes', num: '04', slug: 'book-notes' } }));
    expect(spec.dataModel.keyType).toBe('string');
    const sql = JSON.stringify(spec.dataModel);
    expect(sql).toMatch(/book_id text REFERENCES books \(id\)/);
  });

  it('numbers Flyway files after the repository’s last version (V1, V2 → V3), since `touch` numbers nothing', () => {
    expect(shelf.layout?.migrations).toMatchObject({ prefix: '<n>', last: '2', count: 2 });
    const spec = buildBackendSpec(refundsInput({ service: shelf, scope: extractScope(SPEC), sprint: { dir: 'docs/04-book-notes', num: '04', slug: 'book-notes' } }));
    expect(spec.dataModel.migrations.map((migration) => migration.file)).toEqual(['src/main/resources/db/migration/V3__create_book_notes.sql']);
    expect(spec.dataModel.numberedBy).toBe('author');
  });

  it('applies them the way Spring Boot does, at startup, with the repository’s build tool', () => {
    const spec = buildBackendSpec(refundsInput({ service: shelf, scope: extractScope(SPEC), sprint: { dir: 'docs/04-book-notes', num: '04', slug: 'book-notes' } }));
    expect(spec.dataModel.applyCommand).toBe('./gradlew bootRun  # Spring Boot applies pending migrations at startup');
    const maven = buildBackendSpec(refundsInput({ service: { ...shelf, packageManager: { value: 'maven', confidence: 0.9, evidence: [{ file: 'pom.xml' }] } }, scope: extractScope(SPEC), sprint: { dir: 'docs/04-book-notes', num: '04', slug: 'book-notes' } }));
    expect(maven.dataModel.applyCommand).toMatch(/^\.\/mvnw spring-boot:run/);
  });

  it('a `<table>_id` column the spec leaves bare references the repository’s own table, and is no longer asked about', () => {
    const scope = extractScope('# Loans\n\n## Data model\n- New table `loans` (`id`, `book_id`, `borrower`, `due_on`).\n');
    expect(scope.questions.map((note) => note.text)).toContain('`loans`: the types of `book_id`, `borrower`, `due_on` are not stated.');
    const spec = buildBackendSpec(refundsInput({ service: shelf, scope, sprint: { dir: 'docs/05-loans', num: '05', slug: 'loans' } }));
    expect(JSON.stringify(spec.dataModel)).toMatch(/book_id text REFERENCES books \(id\)/);
    const asked = spec.openQuestions.map((question) => question.text);
    expect(asked).toContain('`loans`: the types of `borrower`, `due_on` are not stated.');
    expect(asked.join('\n')).not.toContain('`book_id`');
  });
});

// A Ktor + Exposed repository decides the plan's folders, files, keys and paging (Ktor trial): route files are the
// ones that declare `fun Route.x()`, tests are Kotlin files in the test package, the new table takes the key of
// the existing `LongIdTable`s, lists page with the `limit`/`offset` the handlers read, and the plan says plainly
// that `magi contract-test` has no Ktor template rather than sending the reader to it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { buildLayers } from '../../lib/model/stack.js';
import { extractScope } from '../../lib/scope/index.js';
import { detectStack } from '../../lib/stack/index.js';
import type { ServiceStack } from '../../lib/types.js';
import { refundsInput } from './fixtures.js';

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos/ktor-exposed');

const SPEC = `# Books on a shelf

## API
- \`POST /shelves/{shelfId}/books\` adds a book to a shelf. Body: \`isbn\` (string, required), \`title\` (string, required).
- \`GET /shelves/{shelfId}/books\` lists the books on a shelf, paginated.

## Data model
- New table \`shelf_books\` (\`id\`, \`shelf_id\` (FK shelves), \`isbn\` (varchar(13), not null), \`title\` (text, not null)).
`;

describe('a Ktor repository’s own folders, files, keys and paging', () => {
  let shelf: ServiceStack;
  const plan = () => buildBackendSpec(refundsInput({ service: shelf, scope: extractScope(SPEC), sprint: { dir: 'docs/01-shelf-books', num: '01', slug: 'shelf-books' } }));
  beforeAll(async () => {
    shelf = (await detectStack(REPO)).services[0];
  });

  it('finds the route, service and table folders by what their Kotlin files declare', () => {
    const layers = buildLayers(extractScope(SPEC), shelf);
    expect(layers.map((layer) => [layer.kind, layer.folder, layer.fromRepo])).toEqual([
      ['routes', 'src/main/kotlin/com/acme/shelf/routes', true],
      ['services', 'src/main/kotlin/com/acme/shelf/service', true],
      ['data', 'src/main/kotlin/com/acme/shelf/db', true],
    ]);
  });

  it('names Kotlin test files in the test package, run with gradle', () => {
    const commands = plan().testPlan.commands;
    expect(commands.map((command) => [command.layer, command.file, command.command])).toEqual([
      ['unit', 'src/test/kotlin/com/acme/shelf/ShelfBooksServiceTest.kt', './gradlew test --tests ShelfBooksServiceTest'],
      ['integration', 'src/test/kotlin/com/acme/shelf/ShelfBooksIT.kt', './gradlew test --tests ShelfBooksIT'],
      ['contract', 'src/test/kotlin/com/acme/shelf/ShelfBooksContractTest.kt', './gradlew test --tests ShelfBooksContractTest'],
    ]);
    expect(plan().testPlan.contractTemplate).toBe(false);
  });

  it('takes the existing tables’ bigint key and the handlers’ limit/offset paging', () => {
    expect(shelf.layout?.primaryKey).toMatchObject({ type: 'bigint', evidence: [{ file: 'src/main/kotlin/com/acme/shelf/db/Tables.kt', line: 6 }] });
    expect(shelf.layout?.paging).toMatchObject({ params: ['limit', 'offset'], kind: 'offset', sizeDefault: 20 });
    expect(plan().dataModel.keyType).toBe('bigint');
  });

  it('reports Exposed’s SchemaUtils.create as the schema built at startup', () => {
    expect(shelf.layout?.schemaSync).toEqual({ orm: 'exposed', setting: 'Exposed SchemaUtils.create', evidence: [{ file: 'src/main/kotlin/com/acme/shelf/db/DatabaseFactory.kt', line: 11 }] });
  });
});

// A Laravel repository decides the plan (Laravel trial): controllers, models and jobs are where its classes say,
// migrations are `<timestamp>_…php` files in its schema builder's form, new tables take the bigint keys of
// `$table->id()`, errors keep Laravel's `{message}`, tests are PHPUnit files run with artisan, and no contract-test
// template is promised.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { buildLayers } from '../../lib/model/stack.js';
import { extractScope } from '../../lib/scope/index.js';
import { detectStack } from '../../lib/stack/index.js';
import type { ServiceStack } from '../../lib/types.js';
import { refundsInput } from './fixtures.js';

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos/laravel-eloquent');

const SPEC = `# Loan returns

## API
- \`POST /api/loans/{loan}/returns\` records a return. Body: \`condition\` (string, required).

## Data model
- Table \`loans\` gets \`returned_at\` (timestamp, nullable) and \`return_condition\` (varchar(20), nullable).
- New table \`loan_events\` (\`id\`, \`loan_id\` (FK loans), \`user_id\` (FK users), \`kind\` (varchar(30), not null)).
`;

describe('a Laravel repository’s own folders, migrations, keys and tests', () => {
  let library: ServiceStack;
  const plan = () => buildBackendSpec(refundsInput({ service: library, scope: extractScope(SPEC), sprint: { dir: 'docs/02-loan-returns', num: '02', slug: 'loan-returns' } }));
  beforeAll(async () => {
    library = (await detectStack(REPO)).services[0];
  });

  it('finds controllers and models by what their classes extend', () => {
    expect(buildLayers(extractScope(SPEC), library).map((layer) => [layer.kind, layer.folder, layer.fromRepo])).toEqual([
      ['routes', 'app/Http/Controllers', true],
      ['services', 'app/Services', false],
      ['data', 'app/Models', true],
    ]);
  });

  it('reads the underscored timestamps of its migrations and writes the change with the schema builder', () => {
    expect(library.layout?.migrations).toMatchObject({ dir: 'database/migrations', prefix: '<timestamp>', count: 2 });
    const { dataModel } = plan();
    expect(dataModel.keyType).toBe('bigint');
    expect(dataModel.migrations.map((migration) => migration.file)).toEqual(['database/migrations/<timestamp>_create_loan_events_table.php', 'database/migrations/<timestamp>_alter_loans_table.php']);
    const block = JSON.stringify(dataModel);
    expect(block).toContain("$table->string('return_condition', 20)->nullable();");
    // Each key takes the type of the table it points at: `loans.id` is `$table->id()`, `users.id` a uuid.
    expect(block).toContain("$table->foreignId('loan_id')");
    expect(block).toContain("$table->foreignUuid('user_id')");
    expect(block).toContain("$table->string('kind', 30);");
  });

  it('reads each existing table and its key type from the migrations', () => {
    expect(library.layout?.tables?.map((table) => [table.table, table.columns.find((column) => column.name === 'id')?.type])).toEqual([['users', 'uuid'], ['loans', 'bigint']]);
  });

  it('keeps the `{message}` body Laravel answers when a handler’s findOrFail throws', () => {
    expect(library.layout?.errorBody).toMatchObject({ kind: 'own', framework: 'Laravel', fields: [{ name: 'message', type: 'string' }], evidence: [{ file: 'app/Http/Controllers/LoanController.php', line: 31 }] });
  });

  it('names PHPUnit files run with artisan, and says no contract-test template exists', () => {
    const { testPlan } = plan();
    expect(testPlan.commands.map((command) => [command.layer, command.file, command.command])).toEqual([
      ['unit', 'tests/Unit/LoanReturnsServiceTest.php', 'php artisan test --filter=LoanReturnsServiceTest'],
      ['integration', 'tests/Feature/LoanReturnsTest.php', 'php artisan test --filter=LoanReturnsTest'],
      ['contract', 'tests/Feature/LoanReturnsContractTest.php', 'php artisan test --filter=LoanReturnsContractTest'],
    ]);
    expect(testPlan.contractTemplate).toBe(false);
  });
});

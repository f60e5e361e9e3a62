// Attributes a document states outside any column list: what a sentence says a row
// keeps ("each shipment MUST record `attemptCount`"), a table's name and a dot
// (`parcel.weight_grams`), a bare table's unique key, and a key to "the parent" row.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { columnNames, lineOf, table } from '../helpers/scope.js';

const ENTITIES = `# Sprint 12: parcel tracking

## Key Entities

- **Shipment**: one parcel sent to one address, with carrier, status and timestamps.
- **Parcel**: a box inside a shipment, with a label (name, weight).
`;

describe('attributes a sentence says a row keeps', () => {
  it('takes the code spans after "MUST record" and the items under "fields recorded on the … record:"', () => {
    const spec = [
      ENTITIES,
      '## Requirements',
      '',
      '- **FR-004**: Each shipment MUST record `attemptCount` and the configured `maxAttempts`.',
      '- **FR-005**: A failed hand-over MUST keep, at minimum, these fields recorded on the shipment record:',
      '  - `failureCode`: a machine-readable reason',
      '  - `shipmentId`: the shipment itself',
      '  - `failedAt`: when it was decided',
      '',
    ].join('\n');
    const scope = extractScope(spec);
    const columns = columnNames(scope, 'Shipment');
    expect(columns).toEqual(expect.arrayContaining(['attemptCount', 'maxAttempts', 'failureCode', 'failedAt']));
    // The entity's own key is its id, not a column beside it.
    expect(columns).not.toContain('shipmentId');
    const failure = table(scope, 'Shipment').columns.find((column) => column.name === 'failureCode')!;
    expect(failure.line).toBe(lineOf(spec, '`failureCode`'));
    expect(columnNames(scope, 'Parcel')).not.toContain('attemptCount');
  });

  it('adds nothing from what goes to monitoring, from a sentence naming two entities, or from a span called a table', () => {
    const spec = [
      ENTITIES,
      '## Requirements',
      '',
      '- Failures MUST be reported to monitoring and MUST record `shipmentRef` and `carrierCode` for each shipment.',
      '- Each shipment MUST store its parcel count in `parcelTotal`.',
      '- WHEN a shipment is saved, THE System SHALL persist it in both the `shipments` table and the `shipments_by_label` table.',
      '',
    ].join('\n');
    const scope = extractScope(spec);
    expect(columnNames(scope, 'Shipment')).not.toEqual(expect.arrayContaining(['shipmentRef']));
    expect(columnNames(scope, 'Shipment')).not.toContain('carrierCode');
    expect(columnNames(scope, 'Shipment')).not.toContain('parcelTotal');
    expect(columnNames(scope, 'Shipment')).not.toContain('shipments_by_label');
  });
});

describe('a table name, a dot and a column', () => {
  it('reads `parcel.weight_grams` as a column of Parcel and leaves file names and navigations alone', () => {
    const spec = [
      ENTITIES,
      '## Notes',
      '',
      '- The label shows parcel.weight_grams rounded up; see plan.md for the format.',
      '- `Shipment.parcels` is the inverse side of the relation.',
      '',
    ].join('\n');
    const scope = extractScope(spec);
    expect(columnNames(scope, 'Parcel')).toContain('weight_grams');
    expect(table(scope, 'Parcel').columns.find((column) => column.name === 'weight_grams')!.line).toBe(lineOf(spec, 'parcel.weight_grams'));
    expect(columnNames(scope, 'Shipment')).not.toContain('parcels');
    expect(scope.entities.map((entity) => entity.table)).not.toContain('plan');
  });

  it('marks a dotted column of a table the sprint only alters as one it has', () => {
    const spec = [
      '# Sprint 13: carrier limits',
      '',
      '## Data model',
      '',
      '- Add column `max_weight_grams` (integer, not null) to the existing `carriers` table.',
      '- The check compares against carriers.region before booking.',
      '',
    ].join('\n');
    const scope = extractScope(spec);
    const region = table(scope, 'carriers').columns.find((column) => column.name === 'region');
    expect(region?.existing).toBe(true);
    expect(table(scope, 'carriers').columns.find((column) => column.name === 'max_weight_grams')?.existing).toBeFalsy();
  });
});

describe('a bare table stated by its unique key', () => {
  const PLAN = [
    '# Sprint 14: carrier callbacks',
    '',
    '## Data model',
    '',
    '- New table `shipments` (id uuid, carrier_ref text, status text)',
    '- `carrier_callbacks` - deduplication via unique(carrier_id, callback_id, shipment_id)',
    '',
  ].join('\n');

  it('gives the table the key\'s columns and the unique key over them', () => {
    const scope = extractScope(PLAN);
    expect(columnNames(scope, 'carrier_callbacks')).toEqual(expect.arrayContaining(['carrier_id', 'callback_id', 'shipment_id']));
    const last = table(scope, 'carrier_callbacks').columns.find((column) => column.name === 'shipment_id')!;
    expect(last.uniqueWith).toEqual(['carrier_id', 'callback_id']);
  });

  it('does not add a tuple\'s columns to a table whose columns are stated', () => {
    const scope = extractScope(`${PLAN}- The pair (carrier_ref, courier_code) on \`shipments\` is unique.\n`);
    expect(columnNames(scope, 'shipments')).not.toContain('courier_code');
  });
});

describe('a key to "the parent" row', () => {
  it('points "foreign key reference to parent invoice" at the sprint\'s Invoice, not at a table called "reference"', () => {
    const spec = [
      '# Sprint 15: supplementary invoices',
      '',
      '## Key Entities',
      '',
      '- **Invoice**: a payment request with currency, status, parent_invoice_id field (BIGINT NULL, foreign key reference to parent invoice), and timestamps (created_at, updated_at).',
      '',
    ].join('\n');
    const scope = extractScope(spec);
    const parent = table(scope, 'Invoice').columns.find((column) => column.name === 'parent_invoice_id');
    expect(parent?.references).toBe('Invoice');
    expect(scope.entities.map((entity) => entity.table)).not.toContain('reference');
  });
});

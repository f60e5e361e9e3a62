// "unique per owner": a key unique among the rows that share another column.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { buildBackendSpec } from '../../lib/model/index.js';

const doc = (rule: string) => `# Sprint 4: Shelves

## Key Entities

- **Shelf**: id, label, room_id, owner_id, created_at.
- **Room**: id, title.

## Requirements

- ${rule}
`;

const shelf = (text: string) => extractScope(text).entities.find((entity) => entity.table === 'Shelf')!;

describe('unique per scope', () => {
  it('"The label is unique per owner" keeps (owner_id, label) unique', () => {
    expect(shelf(doc('The label is unique per owner.')).columns.find((column) => column.name === 'label')?.uniqueWith).toEqual(['owner_id']);
  });

  it('reads "within a room" and a name written as code', () => {
    expect(shelf(doc('`label` must be unique within a room.')).columns.find((column) => column.name === 'label')?.uniqueWith).toEqual(['room_id']);
  });

  it('says nothing without a column of that scope, or without the column it is about', () => {
    expect(shelf(doc('The label is unique per tenant.')).columns.some((column) => column.uniqueWith)).toBe(false);
    expect(shelf(doc('Slugs are unique per owner.')).columns.some((column) => column.uniqueWith)).toBe(false);
  });

  it('plans one unique key over both columns', () => {
    const scope = extractScope(doc('The label is unique per owner.'));
    const spec = buildBackendSpec({ scope, service: undefined, contract: { kind: 'openapi', placement: 'inline', fileName: 'openapi.yaml', excerpt: '', fence: 'yaml', checklist: [], empty: true, operationNames: {} }, sprint: { dir: 'docs/04-shelves', num: '04', slug: 'shelves' }, answers: {} } as never);
    const keys = spec.dataModel.indexes.filter((index) => index.kind === 'unique').map((index) => [index.name, index.columns]);
    expect(keys).toContainEqual(['Shelf_owner_id_label_key', ['owner_id', 'label']]);
  });

  it('"(a, b) is unique" and the Portuguese "o par (a, b) é único" make one key over the listed columns', () => {
    expect(shelf(doc('The pair (`room_id`, `label`) is unique.')).columns.find((column) => column.name === 'label')?.uniqueWith).toEqual(['room_id']);
    expect(shelf(doc('O par (`owner_id`, `label`) é único.')).columns.find((column) => column.name === 'label')).toMatchObject({ uniqueWith: ['owner_id'], uniqueLine: 10 });
    expect(shelf(doc('Uma prateleira por sala (room_id, label).')).columns.some((column) => column.uniqueWith)).toBe(false);
  });

  it('"único por" / "única por" is "unique per"', () => {
    expect(shelf(doc('O `label` é único por `owner_id`.')).columns.find((column) => column.name === 'label')?.uniqueWith).toEqual(['owner_id']);
    expect(shelf(doc('La etiqueta `label` es única en cada `room`.')).columns.find((column) => column.name === 'label')?.uniqueWith).toEqual(['room_id']);
  });
});

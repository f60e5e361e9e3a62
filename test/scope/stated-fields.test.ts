// Columns the documents state in ways the other readings did not cover: an owner
// written in Japanese, Chinese, Korean, Spanish or Portuguese ("…に属する"), an
// introduced attribute list with one known word, a model extended with code-named
// attributes, an attribute given to all entities, "a/b nouns", a code name called a
// field of one entity, a tenant key, and an existing model's SELECT list.
// Example documents written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope, selectedColumns } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';
import { columnNames as names, lineOf, table } from '../helpers/scope.js';


describe('an owner stated in another language is the row’s key to it', () => {
  const japanese = [
    '# スプリント: 家計簿',
    '',
    '## Key Entities',
    '',
    '- **家族（Household）**: 家計を共有する単位。名前、作成日時などの属性を持つ。',
    '- **支出（Expense）**: 1回の支払い。金額、説明、作成日時などの属性を持つ。1つの家族に属し、複数のメモを持てる。',
    '- **予算（Budget）**: 月ごとの上限。金額、開始日などの属性を持つ。家族に所属する。',
    '',
  ].join('\n');

  it('Japanese: "…に属し" and "…に所属する" name the owner before them', () => {
    const scope = extractScope(japanese);
    const key = table(scope, 'Expense').columns.find((column) => column.name === 'household_id');
    expect(key).toMatchObject({ references: 'Household', nullable: false, term: '家族', line: lineOf(japanese, '支出（Expense）') });
    expect(names(scope, 'Budget')).toContain('household_id');
    // The owner itself gets no key to anything.
    expect(names(scope, 'Household')).toEqual(['name', 'created_at']);
    expect(provenanceGaps(scope, [japanese])).toEqual([]);
  });

  it('Chinese "属于", Spanish "pertenece a": the owner named after them; camelCase beside camelCase columns', () => {
    const chinese = ['## Key Entities', '', '- **相册（Album）**: 照片集合。', '- **照片（Photo）**: 属于一个相册，包含 `fileName`、`takenAt`。', ''].join('\n');
    const scope = extractScope(chinese);
    expect(table(scope, 'Photo').columns.find((column) => column.references === 'Album')).toMatchObject({ name: 'albumId', term: '相册' });
    expect(provenanceGaps(scope, [chinese])).toEqual([]);
    const spanish = ['## Key Entities', '', '- **Cliente**: persona que compra. Atributos: nombre, correo.', '- **Pedido**: una compra que pertenece a un Cliente. Atributos: total, fecha.', ''].join('\n');
    const read = extractScope(spanish);
    expect(names(read, 'Pedido')).toContain('cliente_id');
    expect(provenanceGaps(read, [spanish])).toEqual([]);
  });

  it('no key without an owner entity of the sprint, and none twice', () => {
    const doc = ['## Key Entities', '', '- **タグ（Tag）**: 分類。名前、色などの属性を持つ。組織に属する。', '- **メモ（Note）**: 覚え書き。タイトル、説明などの属性を持つ。', ''].join('\n');
    const scope = extractScope(doc);
    expect(names(scope, 'Tag')).toEqual(['name', 'color']);
    expect(names(scope, 'Note')).toEqual(['title', 'description']);
  });

  it('provenance refuses a key whose word is not the owner’s', () => {
    const scope = extractScope(japanese);
    const key = table(scope, 'Expense').columns.find((column) => column.name === 'household_id')!;
    key.term = '予算';
    expect(provenanceGaps(scope, [japanese])).toHaveLength(1);
  });
});

describe('a list the sentence introduces needs only one known word', () => {
  it('"包含状态、进度等" names `status`; the same words without "包含" name nothing', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Backup**: 一次备份记录，包含运行状态、耗时、日志摘要等',
      '- **Archive**: 归档文件，压缩格式、存放位置',
      '- **Mirror**: 镜像配置，包含源仓库、同步频率等',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(table(scope, 'Backup').columns.map((column) => [column.name, column.term])).toEqual([['status', '运行状态']]);
    expect(names(scope, 'Archive')).toEqual([]);
    expect(names(scope, 'Mirror')).toEqual([]);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('a sentence that extends a named model with attributes written as code', () => {
  const doc = [
    '# Plan: shelves',
    '',
    '## Summary',
    '',
    'Adds a Shelf entity and extends the existing Book model with optional placement data (`shelf_id` FK and a `position` index), keeping the loan flow as it is, with `isbn` lookups unchanged.',
    'The import job adds a `source_ref` column to the `Book` table. It also adds a `colour` field to Shelf.',
    '',
    '## Key Entities',
    '',
    '- **Shelf**: a place books stand on. Attributes: label, room.',
    '',
  ].join('\n');
  const scope = extractScope(doc);

  it('the code names inside the clause are new columns of that model; what follows the clause is not', () => {
    const book = table(scope, 'Book');
    expect(book.change).toBe('alter-table');
    expect(book.columns.map((column) => column.name).sort()).toEqual(['position', 'shelf_id', 'source_ref']);
    expect(book.columns.find((column) => column.name === 'shelf_id')).toMatchObject({ references: 'Shelf', line: lineOf(doc, 'extends the existing Book') });
    expect(names(scope, 'Shelf')).toEqual(['label', 'room', 'colour']);
  });

  it('needs the verb, a model word and code-written names', () => {
    const plain = ['## Summary', '', 'We extend the Book model with better search.', 'Add a `weight` to the parcel.', 'Extending the catalogue with `beta` flags, later.', ''].join('\n');
    expect(extractScope(plain).entities).toEqual([]);
  });

  it('every name can be read at the line it cites', () => {
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('an attribute a sentence gives every entity', () => {
  const doc = [
    '# Plan: rooms',
    '',
    '## Assumptions',
    '',
    '- Soft deletion (the removed_at field) applies to all new tables, as it already does for bookings.',
    '- The checklist verifies correct fields appear on every model form.',
    '',
    '## Key Entities',
    '',
    '- **Room**: a bookable space. Attributes: name, capacity.',
    '- **Desk**: a seat in a room. Attributes: label, room reference.',
    '- **Booking** (existing): extended with a note. Attributes: note.',
    '',
  ].join('\n');
  const scope = extractScope(doc);

  it('"all new tables": each new table gets the named column, an altered one does not', () => {
    expect(names(scope, 'Room')).toContain('removed_at');
    expect(names(scope, 'Desk')).toContain('removed_at');
    expect(table(scope, 'Room').columns.find((column) => column.name === 'removed_at')?.line).toBe(lineOf(doc, 'Soft deletion'));
  });

  it('a plural "fields" after an adjective names nothing', () => {
    for (const entity of scope.entities) expect(entity.columns.map((column) => column.name)).not.toContain('correct');
  });

  it('"every table" with a list of code names covers every entity; a negated sentence none', () => {
    const tables = ['## Conventions', '', 'Every table has `created_on` and `changed_on` columns.', 'No entity has a `legacy_code` column.', '', '## Key Entities', '', '- **Coupon**: Attributes: code, percent.', ''].join('\n');
    const read = extractScope(tables);
    expect(names(read, 'Coupon')).toEqual(['code', 'percent', 'created_on', 'changed_on']);
    expect(provenanceGaps(read, [tables])).toEqual([]);
  });

  it('every name can be read at the line it cites', () => {
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('two attributes that share the noun written after them', () => {
  it('"pickup/return dates", "first/last name" are two columns each; a value pair in parentheses is not', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Rental**: one hire of a van. Attributes: van reference, pickup/return dates, mileage.',
      '- **Driver**: Attributes: first/last name, licence number, status (active/blocked).',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(names(scope, 'Rental')).toEqual(['van_id', 'pickup_date', 'return_date', 'mileage']);
    expect(names(scope, 'Driver')).toEqual(['first_name', 'last_name', 'licence_number', 'status']);
    expect(table(scope, 'Driver').columns.find((column) => column.name === 'status')?.enum).toEqual(['active', 'blocked']);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('a code name a sentence calls a field, flag or column of the one entity it speaks of', () => {
  const doc = [
    '# Plan: vouchers',
    '',
    '## Notes',
    '',
    '- Vouchers are hidden, not removed, through the `isHidden` flag.',
    '- Redemptions keep the existing `channel` field that other payments use.',
    '- The voucher list response has a `total` field.',
    '- Vouchers and shops both get a `region` column.',
    '',
    '## Key Entities',
    '',
    '- **Voucher**: a prepaid code. Attributes: code, value, expiry date.',
    '- **Shop**: a place that accepts vouchers. Attributes: name.',
    '- **Redemption**: A payment with type `REDEEM` that links to exactly one used voucher. Contains amount.',
    '',
  ].join('\n');
  const scope = extractScope(doc);

  it('adds it to that entity; a kind of rows adds it to the table it is kept in, as existing when the sentence says so', () => {
    expect(names(scope, 'Voucher')).toContain('isHidden');
    const channel = table(scope, 'Payment').columns.find((column) => column.name === 'channel');
    expect(channel).toMatchObject({ existing: true, line: lineOf(doc, '`channel`') });
  });

  it('not from a sentence about a response, nor one naming two entities', () => {
    for (const entity of scope.entities) {
      expect(entity.columns.map((column) => column.name)).not.toContain('total');
      expect(entity.columns.map((column) => column.name)).not.toContain('region');
    }
  });

  it('every name can be read at the line it cites', () => {
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('the key a sentence says isolates all the data', () => {
  const doc = [
    '# Plan: invoices',
    '',
    '## Constitution Check',
    '',
    '- [x] **Tenancy**: all data is scoped by `workspaceId`.',
    '',
    '## Key Entities',
    '',
    '- **Invoice**: `id`, `customerId`, `issuedOn`, `lines: [{ sku, units }]`',
    '- **Reminder**: `id`, `invoiceId`, `sendOn`',
    '- **Ledger**: the running totals.',
    '',
  ].join('\n');
  const scope = extractScope(doc);

  it('is a column of each new table with stated columns; child rows of another new table are isolated through it', () => {
    expect(names(scope, 'Invoice')).toContain('workspaceId');
    expect(names(scope, 'Reminder')).toContain('workspaceId');
    expect(table(scope, 'Invoice').columns.find((column) => column.name === 'workspaceId')).toMatchObject({ nullable: false, line: lineOf(doc, 'scoped by') });
    expect(names(scope, 'InvoiceLine')).not.toContain('workspaceId');
    expect(names(scope, 'Ledger')).toEqual([]);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });

  it('"multi-tenant, with an … FK" names it too; a table the sprint alters already has it', () => {
    const plan = ['## Technical Context', '', '**Constraints**: the app is multi-tenant, with an account FK everywhere; audit everything.', '', '## Key Entities', '', '- **Board**: Attributes: title, colour.', '- **Card** (existing): extended. Attributes: board reference.', ''].join('\n');
    const read = extractScope(plan);
    expect(names(read, 'Board')).toEqual(['title', 'colour', 'account']);
    for (const entity of read.entities.filter((entity) => entity.change === 'alter-table')) expect(entity.columns.map((column) => column.name)).not.toContain('account');
    expect(provenanceGaps(read, [plan])).toEqual([]);
  });
});

describe('an existing model’s table read in the document’s code', () => {
  const doc = [
    '# Story 7.1: Rename a kennel',
    '',
    '## Dev Notes',
    '',
    'The `Kennel` model already exists; this story only renames kennels.',
    '',
    '**Endpoint**: `PUT /api/kennels/:id`',
    '',
    '**Success Response** (200 OK):',
    '```json',
    '{ "id": 3, "label": "North run", "sizeClass": "large", "createdAt": "2026-02-01T09:00:00Z" }',
    '```',
    '',
    '**Kennel.findById()**:',
    '```javascript',
    'const sql = `',
    '  SELECT id, label, size_class, archived_at, created_at',
    '  FROM kennels',
    '  WHERE id = $1`;',
    'const report = `SELECT count(*) AS total FROM kennels`;',
    '```',
    '',
  ].join('\n');
  const scope = extractScope(doc);

  it('adds the selected columns the examples do not show, in the examples’ spelling', () => {
    const kennel = scope.existingModels?.find((model) => model.name === 'Kennel');
    expect(kennel?.fields.map((field) => field.name)).toEqual(['id', 'label', 'sizeClass', 'createdAt', 'archivedAt']);
    expect(kennel?.fields.find((field) => field.name === 'archivedAt')?.line).toBe(lineOf(doc, 'SELECT id, label'));
    expect(scope.entities.map((entity) => entity.table)).not.toContain('kennels');
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });

  it('reads only a plain list of names from one table', () => {
    expect(selectedColumns('SELECT a.id, b.name FROM x a JOIN y b ON a.id = b.x_id', 0)).toEqual([]);
    expect(selectedColumns('SELECT * FROM parcels', 0)).toEqual([]);
    expect(selectedColumns('SELECT DISTINCT owner, city FROM parcels', 0)).toEqual([]);
    expect(selectedColumns('select owner, city from parcels where city = $1', 10)).toEqual([{ table: 'parcels', columns: [{ name: 'owner', line: 11 }, { name: 'city', line: 11 }] }]);
  });
});

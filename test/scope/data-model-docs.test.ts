// Data-model documents as teams write them beside a plan: field tables with a
// property and a "DB Name" column, a model's table named in a bullet, columns a
// base class gives every model, field items written as declarations, and headings
// that say "Entity" after the name. Example documents written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { entitiesFromCode } from '../../lib/scope/grammar/models.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';
import { columnNames, lineOf, table } from '../helpers/scope.js';

const MODEL = [
  '# Data Model: Lockers',
  '',
  '## Entity: Locker (persisted)',
  '',
  '- **Table**: `lockers`',
  '- **Extends**: `BaseEntity` (inherits `id: uuid`, `createdAt`, `updatedAt`)',
  '',
  '### Shared Fields',
  '',
  '| Column    | DB Name      | DB Type   | Nullable | Default | Notes |',
  '| --------- | ------------ | --------- | -------- | ------- | ----- |',
  '| siteCode  | `site_code`  | `varchar` | NO       | —       |       |',
  '| isBlocked | `is_blocked` | `boolean` | NO       | `false` |       |',
  '',
  '## Entity: LockerSlot (persisted)',
  '',
  '- **Table**: `locker_slots`',
  '- **Extends**: `BaseEntity`',
  '',
  '| Column   | DB Name     | DB Type | Nullable | Default | Notes              |',
  '| -------- | ----------- | ------- | -------- | ------- | ------------------ |',
  '| lockerId | `locker_id` | `uuid`  | NO       | —       | FK to `lockers.id` |',
  '| size     | `size`      | `int`   | YES      | `null`  |                    |',
  '',
].join('\n');

describe('a data-model document with DB names, table bullets and a base class', () => {
  const scope = extractScope(MODEL);

  it('names each table as its bullet does and keeps the class name beside it', () => {
    expect(scope.entities.map((entity) => [entity.table, entity.model])).toEqual([
      ['lockers', 'Locker'],
      ['locker_slots', 'LockerSlot'],
    ]);
  });

  it('reads the columns by their DB names, with types, nullability and defaults, from tables under sub-headings too', () => {
    expect(columnNames(scope, 'lockers')).toEqual(['id', 'createdAt', 'updatedAt', 'site_code', 'is_blocked']);
    const blocked = table(scope, 'lockers').columns.find((column) => column.name === 'is_blocked')!;
    expect(blocked).toMatchObject({ type: 'boolean', nullable: false, default: 'false' });
    expect(table(scope, 'locker_slots').columns.find((column) => column.name === 'size')).toMatchObject({ nullable: true });
  });

  it('gives a later model extending the same base its columns, cited where the base lists them', () => {
    expect(columnNames(scope, 'locker_slots')).toEqual(expect.arrayContaining(['id', 'createdAt', 'updatedAt', 'locker_id', 'size']));
    expect(table(scope, 'locker_slots').columns.find((column) => column.name === 'createdAt')!.line).toBe(lineOf(MODEL, 'inherits'));
    expect(provenanceGaps(scope, [MODEL])).toEqual([]);
  });
});

describe('field items written as declarations under "X Entity"', () => {
  const doc = [
    '# Data Model',
    '',
    '## Core Entities',
    '',
    '### Parcel Entity',
    '**Purpose**: A box in transit.',
    '',
    '**Fields**:',
    '- `id: UUID` - Unique identifier (primary key)',
    '- `weightGrams: Int` - Weight (non-null)',
    '- `deliveredAt: DateTime?` - When it arrived (nullable)',
    '',
    '### CreateParcel (Request Model)',
    '```kotlin',
    'data class CreateParcel(',
    '    val weightGrams: Int,',
    ')',
    '```',
    '',
  ].join('\n');

  it('reads `name: Type` items as typed columns of the model the heading names', () => {
    const scope = extractScope(doc);
    expect(scope.entities.map((entity) => entity.table)).toEqual(['Parcel']);
    expect(table(scope, 'Parcel').columns.map((column) => [column.name, column.type, column.nullable])).toEqual([
      ['id', 'UUID', undefined],
      ['weightGrams', 'Int', false],
      ['deliveredAt', 'DateTime', true],
    ]);
  });

  it('"Core Entities" and "Data Model" head the models and are none of them', () => {
    const scope = extractScope(doc.replace('### Parcel Entity', '### Data Model'));
    expect(scope.entities).toEqual([]);
  });

  it('a class named by its verb first (`CreateParcel`) is a request body, not a table', () => {
    expect(entitiesFromCode('kotlin', 'data class CreateParcel(\n    val weightGrams: Int,\n)\n', 1)).toEqual([]);
  });
});

describe('field items right under a model\'s heading', () => {
  const doc = (heading: string, items: string[]): string => ['# Board', '', '## Data Model', '', heading, 'Stores what members write.', ...items, ''].join('\n');

  it('"- `id`: Int (PK)" under "### Post" defines a column of Post, with its type', () => {
    const scope = extractScope(doc('### Post', ['- `id`: Int (PK, Auto-increment)', '- `title`: String', '- `isHidden`: Boolean (Default: false)']));
    expect(table(scope, 'Post').columns.map((column) => [column.name, column.type])).toEqual([
      ['id', 'Int'],
      ['title', 'String'],
      ['isHidden', 'Boolean'],
    ]);
  });

  it('adds no model for a rule, a constraint, an index or a request body', () => {
    expect(extractScope(doc('### Validation', ['- `email`: must be unique'])).entities).toEqual([]);
    expect(extractScope(doc('### LoginRequest', ['- `login`: String'])).entities).toEqual([]);
    const post = extractScope(doc('### Post', ['- `id`: Int (PK)', '- `fk_post_author` FOREIGN KEY (author_id) REFERENCES users(id)', '- `idx_post_title`: Int']));
    expect(columnNames(post, 'Post')).toEqual(['id']);
  });
});

describe('an interface a data-model document gives as a model', () => {
  const doc = [
    '# Data Model',
    '',
    '## Entity Schemas',
    '',
    '### 2. LockerRental (New Entity)',
    '',
    '**Collection**: `locker_rentals`',
    '',
    '```typescript',
    'interface LockerRental {',
    '  _id: ObjectId;',
    '  lockerId: ObjectId;',
    '  startsAt: Date;',
    '}',
    '```',
    '',
    '### RentalWithLocker',
    '',
    '```typescript',
    'interface RentalWithLocker extends LockerRental {',
    '  locker: Locker;',
    '}',
    '```',
    '',
  ].join('\n');

  it('is that model, kept in the collection its label names, when it has a key; a view composing others is not', () => {
    const scope = extractScope(doc);
    expect(scope.entities.map((entity) => [entity.table, entity.model])).toEqual([['locker_rentals', 'LockerRental']]);
    expect(columnNames(scope, 'locker_rentals')).toEqual(['_id', 'lockerId', 'startsAt']);
  });
});

describe('a French field table, and a flow drawn as a tree', () => {
  it('reads "Champ | Type | Contrainte" under "### Casier (backend)" and makes no table of a call in a flow', () => {
    const doc = [
      '# Conception',
      '',
      '## Modèles de données',
      '',
      '### Casier (backend)',
      '',
      '| Champ   | Type      | Contrainte |',
      '|---------|-----------|------------|',
      '| id      | AutoField | PK, auto   |',
      '| code    | CharField | unique     |',
      '',
      '## Flux',
      '',
      '```',
      'réponse 401',
      '    ├── oui → attendre',
      '    └── non → POST /api/refresh/',
      '                 navigate(\'/login\')',
      '```',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(scope.entities.map((entity) => entity.table)).toEqual(['Casier']);
    expect(table(scope, 'Casier').columns.map((column) => [column.name, column.unique ?? false])).toEqual([
      ['id', false],
      ['code', true],
    ]);
  });
});

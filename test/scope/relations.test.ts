// Two readings of Key Entities that a relational schema needs spelled out: a kind of
// rows kept in an existing table by its type (single-table subtype), and a
// many-to-many stated from both sides (a junction table no line names).
// Example documents written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';
import { buildDataModel } from '../../lib/model/data-model.js';
import { Findings } from '../../lib/model/findings.js';
import type { Scope } from '../../lib/types.js';
import { lineOf, table } from '../helpers/scope.js';

const entitiesOf = (text: string): Scope => extractScope(text);

describe('a kind of rows kept in an existing table by its type', () => {
  const doc = [
    '# Sprint: chargebacks',
    '',
    '## Key Entities',
    '',
    '- **Chargeback**: A payment with type `CHARGEBACK` that keeps a link to exactly one disputed card payment. Contains amount, merchant, optional reason, and settled date.',
    '- **Merchant**: a shop that takes payments. Attributes: name, country.',
    '',
  ].join('\n');
  const scope = entitiesOf(doc);

  it('changes the existing table instead of adding one named after the kind', () => {
    expect(scope.entities.map((entity) => entity.table)).not.toContain('Chargeback');
    const payment = table(scope, 'Payment');
    expect(payment.change).toBe('alter-table');
    expect(payment.subtypes).toEqual([{ name: 'Chargeback', column: 'type', value: 'CHARGEBACK', line: lineOf(doc, 'Chargeback'), key: 'disputed_payment_id' }]);
  });

  it('the link to another row is a new nullable key to the same table, named by its role', () => {
    const key = table(scope, 'Payment').columns.find((column) => column.name === 'disputed_payment_id');
    expect(key).toMatchObject({ references: 'Payment', nullable: true });
    expect(key!.existing).toBeUndefined();
  });

  it('the stated attributes and the type column are the table’s own, not added by the sprint', () => {
    const payment = table(scope, 'Payment');
    expect(payment.columns.filter((column) => column.existing).map((column) => column.name)).toEqual(['type', 'amount', 'merchant', 'reason', 'settled_date']);
  });

  it('the data model adds only the key, and says where the kind lives', () => {
    const model = buildDataModel(scope, undefined, undefined, [], new Findings());
    const alter = model.migrations.find((migration) => migration.table === 'Payment');
    expect(alter).toMatchObject({ kind: 'add-columns', columns: ['disputed_payment_id'] });
    expect(model.subtypes).toEqual([
      { name: 'Chargeback', table: 'Payment', column: 'type', value: 'CHARGEBACK', line: lineOf(doc, 'Chargeback'), key: 'disputed_payment_id', columns: ['amount', 'merchant', 'reason', 'settled_date'] },
    ]);
    expect(model.unstated).not.toContain('Payment');
    // No check that would allow only the new value on a column that holds the others too.
    expect(model.indexes.some((index) => index.kind === 'check' && index.table === 'Payment')).toBe(false);
  });

  it('"is a … whose kind is" and a value in capitals read the same; a key in camelCase beside camelCase columns', () => {
    const other = entitiesOf('# S\n\n## Key Entities\n\n- **Hold**: is a booking whose kind is HOLD, linked to the parent booking.\n- **Room**: `roomNumber`, `floorLevel`, `bedCount`.\n');
    const booking = table(other, 'Booking');
    expect(booking.subtypes?.[0]).toMatchObject({ name: 'Hold', column: 'kind', value: 'HOLD' });
    expect(booking.columns.find((column) => column.references === 'Booking')?.name).toBe('parentBookingId');
  });

  it('stays away from items that only describe: no type value, the table itself, or a link without a role', () => {
    const plain = entitiesOf('# S\n\n## Key Entities\n\n- **Voucher**: A coupon with a code and an expiry date, amount, owner.\n- **Payment**: A payment with type `CARD`. Holds amount, currency, status.\n');
    expect(plain.entities.map((entity) => entity.table).sort()).toEqual(['Payment', 'Voucher']);
    expect(table(plain, 'Payment').subtypes).toBeUndefined();
    const noRole = entitiesOf('# S\n\n## Key Entities\n\n- **Reversal**: A payment with type `REVERSAL` linked to another payment.\n');
    expect(table(noRole, 'Payment').columns.filter((column) => !column.existing)).toEqual([]);
  });

  it('every name can be read at the line it cites', () => {
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('a many-to-many stated from both sides needs a junction table', () => {
  it('Japanese Key Entities: each side says it relates to several of the other', () => {
    const doc = [
      '# スプリント',
      '',
      '## Key Entities',
      '',
      '- **書籍（Book）**: 蔵書の一冊。タイトル、著者名、出版日などの属性を持つ。0冊以上の棚に置かれる。',
      '- **棚（Shelf）**: 書籍をまとめる場所。棚名、作成日時などの属性を持つ。1つの部屋に属する。',
      '',
    ].join('\n');
    // One side only: a shelf is not said to hold several books.
    expect(entitiesOf(doc).entities.some((entity) => entity.joins)).toBe(false);
    const both = doc.replace('1つの部屋に属する', '複数の書籍を並べられる');
    const scope = entitiesOf(both);
    const junction = table(scope, 'BookShelf');
    expect(junction).toMatchObject({ change: 'new-table', joins: ['Book', 'Shelf'], line: lineOf(both, '棚（Shelf）') });
    expect(junction.columns).toEqual([
      { name: 'book_id', references: 'Book', nullable: false, line: junction.line },
      { name: 'shelf_id', references: 'Shelf', nullable: false, line: junction.line },
    ]);
    expect(provenanceGaps(scope, [both])).toEqual([]);
  });

  it('English sentences on both sides, and an explicit "many-to-many between"', () => {
    const sentences = entitiesOf('# S\n\n## Key Entities\n\n- **Recipe**: name, servings, notes.\n- **Ingredient**: name, unit, calories.\n\n## Data model\n\nA recipe can use many ingredients; an ingredient can appear in many recipes.\n');
    expect(table(sentences, 'RecipeIngredient').columns.map((column) => column.name)).toEqual(['recipe_id', 'ingredient_id']);
    const explicit = entitiesOf('# S\n\n## Key Entities\n\n- **Song**: title, length, genre.\n- **Playlist**: title, owner, created date.\n\n## Notes\n\n- Many-to-many between Song and Playlist.\n');
    expect(table(explicit, 'SongPlaylist').joins).toEqual(['Song', 'Playlist']);
  });

  it('one side only, a named junction, or a table already holding both keys: no new table', () => {
    const oneSide = entitiesOf('# S\n\n## Key Entities\n\n- **Author**: name, bio, country. Writes many posts.\n- **Post**: title, body, slug. Belongs to one author.\n');
    expect(oneSide.entities.some((entity) => entity.joins)).toBe(false);
    const named = entitiesOf('# S\n\n## Key Entities\n\n- **Song**: title, length, genre.\n- **Playlist**: title, owner, created date.\n- Songs and playlists are many-to-many (PlaylistSong join table).\n');
    expect(named.entities.map((entity) => entity.table)).toEqual(['Song', 'Playlist', 'PlaylistSong']);
    const held = entitiesOf('# S\n\n## Key Entities\n\n- **Team**: name, slug, plan.\n- **Member**: email, display name, locale.\n- **Seat**: team_id, member_id, role.\n\nA team has many members; a member can join many teams.\n');
    expect(held.entities.some((entity) => entity.joins)).toBe(false);
  });

  it('keys follow the sprint’s camelCase columns; a story that mentions "many" is no schema', () => {
    const camel = entitiesOf('# S\n\n## Key Entities\n\n- **Course**: `courseCode`, `startDate`, `maxSeats`.\n- **Student**: `fullName`, `enrolledAt`, `emailAddress`.\n\n## Relationships\n\nA course has many students; a student takes many courses.\n');
    expect(table(camel, 'CourseStudent').columns.map((column) => column.name)).toEqual(['courseId', 'studentId']);
    const story = entitiesOf('# S\n\n## Key Entities\n\n- **Course**: code, title, seats.\n- **Student**: name, email, year.\n\n## User Stories\n\n- As a student with many courses, I see them all.\n- As a course with many students, I list them.\n');
    expect(story.entities.some((entity) => entity.joins)).toBe(false);
  });

  it('provenance accepts a joined name only as made from the two entities it joins', () => {
    const doc = '# S\n\n## Key Entities\n\n- **Recipe**: name, servings, notes.\n- **Ingredient**: name, unit, calories.\n- A recipe uses many ingredients, and an ingredient is in many recipes.\n';
    const scope = entitiesOf(doc);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
    const junction = table(scope, 'RecipeIngredient');
    junction.table = 'RecipeStep';
    expect(provenanceGaps(scope, [doc])).toEqual([expect.stringContaining('entity RecipeStep')]);
    junction.table = 'RecipeIngredient';
    junction.columns.push({ name: 'created_at', line: junction.line });
    expect(provenanceGaps(scope, [doc])).toEqual([expect.stringContaining('column RecipeIngredient created_at')]);
  });

  it('the data model keys the junction by the pair: no `id` of its own', () => {
    const scope = entitiesOf('# S\n\n## Key Entities\n\n- **Recipe**: name, servings, notes.\n- **Ingredient**: name, unit, calories.\n- A recipe uses many ingredients, and an ingredient is in many recipes.\n');
    const model = buildDataModel(scope, undefined, undefined, [], new Findings());
    expect(model.migrations.find((migration) => migration.table === 'RecipeIngredient')).toMatchObject({ kind: 'create-table', columns: ['recipe_id', 'ingredient_id'] });
    expect(model.erDiagram).toContain('bigint recipe_id PK, FK');
    // The key leads with recipe_id: only ingredient_id needs its own index.
    expect(model.indexes.filter((index) => index.table === 'RecipeIngredient' && index.kind === 'index').map((index) => index.columns)).toEqual([['ingredient_id']]);
  });

  it('one side may be an existing model the sprint names without changing it: the junction keys to it, the model stays as it is', () => {
    const doc = '# S\n\n## Key Entities\n\n- **Label**: a word a reader picks. Attributes: name, color. A label can mark many books.\n- **Book** (existing): a book can carry many labels.\n';
    const scope = entitiesOf(doc);
    expect(scope.entities.map((entity) => entity.table)).toEqual(['Label', 'LabelBook']);
    expect(table(scope, 'LabelBook')).toMatchObject({ joins: ['Label', 'Book'], columns: [expect.objectContaining({ name: 'label_id', references: 'Label' }), expect.objectContaining({ name: 'book_id', references: 'Book' })] });
    expect(provenanceGaps(scope, [doc])).toEqual([]);
    // Named nowhere, the existing side is no side: nothing is joined to a name the document does not write.
    const renamed = { ...scope, entities: scope.entities.map((entity) => (entity.joins ? { ...entity, table: 'LabelVolume', joins: ['Label', 'Volume'] as [string, string] } : entity)) };
    expect(provenanceGaps(renamed, [doc]).length).toBeGreaterThan(0);
  });
});

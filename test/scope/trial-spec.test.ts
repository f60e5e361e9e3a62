// A short sprint spec as a team wrote it for a real Go service: the table's columns
// as DDL bullets under "New table `x` (a note):", a key over two foreign keys, the
// request body named in an endpoint table's description cell, and an owner rule whose
// pronoun stands for the resource its subject names. Written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { table } from '../helpers/scope.js';

const SPEC = [
  '# Sprint 04 — Saved parcels',
  '',
  '## Scope',
  '| Method | Path | Description |',
  '|---|---|---|',
  '| GET | /v1/saved-parcels | List the caller\'s saved parcels |',
  '| PUT | /v1/saved-parcels/{parcel_id} | Save a parcel (body: optional `label`, max 80 chars) |',
  '| DELETE | /v1/saved-parcels/{parcel_id} | Forget a saved parcel |',
  '',
  '## Data model',
  'New table `saved_parcels` (goose migration in services/store):',
  '- user_id UUID, FK users.id ON DELETE CASCADE',
  '- parcel_id UUID, FK parcels.id',
  '- label TEXT NULL',
  '- created_at TIMESTAMPTZ default NOW()',
  '- primary key (user_id, parcel_id)',
  '',
  '## Rules',
  '- Only the owner of the saved parcel may list or delete it.',
  '',
].join('\n');

describe('a team\'s short sprint spec', () => {
  const scope = extractScope(SPEC);

  it('reads the DDL bullets as the table\'s columns, the note in parentheses as no column, and the pair as its key', () => {
    expect(scope.entities.map((entity) => entity.table)).toEqual(['saved_parcels']);
    const saved = table(scope, 'saved_parcels');
    expect(saved.columns.map((column) => [column.name, column.type, column.references ?? null, column.nullable ?? null])).toEqual([
      ['user_id', 'UUID', 'users.id', null],
      ['parcel_id', 'UUID', 'parcels.id', null],
      ['label', 'TEXT', null, true],
      ['created_at', 'TIMESTAMPTZ', null, null],
    ]);
    expect(saved.joins).toEqual(['users', 'parcels']);
  });

  it('takes the request body from the description cell that labels it', () => {
    const put = scope.operations.find((op) => op.method === 'PUT')!;
    expect(put.requestFields.map((field) => [field.name, field.required])).toEqual([['label', false]]);
  });

  it('maps "the owner of the saved parcel may list or delete it" to the list and the delete', () => {
    expect(scope.authz.map((rule) => [rule.ownership, rule.operations])).toEqual([['own saved parcel', ['GET /v1/saved-parcels', 'DELETE /v1/saved-parcels/{parcel_id}']]]);
  });
});

const KOTLIN_SPEC = [
  '# 02 — Notes on a booking',
  '',
  '## API',
  '- `GET /orgs/{orgSlug}/bookings/{bookingId}/notes` — list notes',
  '- `POST /orgs/{orgSlug}/bookings/{bookingId}/notes` — add a note `{ "id": uuid, "content": string }`',
  '- `DELETE /orgs/{orgSlug}/bookings/{bookingId}/notes/{noteId}` — delete a note',
  '',
  '## Data model',
  'New Exposed table `BookingNotesTable` (`booking_notes`), UUIDTable:',
  '- booking_id → BookingsTable',
  '- content TEXT',
  '- created_at datetime',
  'New migration `AddBookingNotesMigration` registered in the migration list.',
  '',
  '## Rules',
  '- Only organisation members with edit permission may read or write notes.',
  '',
].join('\n');

describe('a Kotlin team\'s spec: an ORM\'s table class and its table name', () => {
  const scope = extractScope(KOTLIN_SPEC);

  it('names the table as the parenthesis does, keeps the class, and reads arrows and DDL bullets (a paragraph right after the list is no column)', () => {
    expect(scope.entities.map((entity) => [entity.table, entity.model])).toEqual([['booking_notes', 'BookingNotesTable']]);
    expect(table(scope, 'booking_notes').columns.map((column) => [column.name, column.type ?? null, column.references ?? null])).toEqual([
      ['booking_id', null, 'BookingsTable'],
      ['content', 'TEXT', null],
      ['created_at', 'datetime', null],
    ]);
  });

  it('"may read or write notes" covers every operation on notes', () => {
    expect(scope.authz[0].operations).toHaveLength(3);
  });
});

// Fields the documents a user hands over state in ways the readers missed: a Key Entities
// item mixing code-named attributes with vocabulary words ("`title`（…）、作成日時"), a bullet
// that labels and lists a model's fields at once under "## <Model> Schema", a tenant key
// written as a key ("isolation via shop_id"), a data-model bullet led by a plain model name.
// Example documents written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';
import { columnNames as names, lineOf, table } from '../helpers/scope.js';


describe('a Key Entities item with code names and vocabulary words in one list', () => {
  const spec = [
    '# 機能仕様: 読書メモ',
    '',
    '## Key Entities',
    '',
    '- **Note**: 利用者が書く 1 件のメモ。主な属性: 識別子（`id`、UUID）、`body`（本文・必須）、`pinned`（固定フラグ）、作成日時、更新日時。',
    '- **Shelf**: 本棚。属性: `label`、`position`。',
    '',
  ].join('\n');

  it('reads the vocabulary words beside the code names, each cited at its line', () => {
    const scope = extractScope(spec);
    // `id` in the parentheses of a word is read too.
    expect(names(scope, 'Note').sort()).toEqual(['body', 'created_at', 'id', 'pinned', 'updated_at']);
    const created = table(scope, 'Note').columns.find((column) => column.name === 'created_at');
    expect(created).toMatchObject({ term: '作成日時', line: lineOf(spec, '**Note**') });
    // Nothing is added where the list has only code names.
    expect(names(scope, 'Shelf')).toEqual(['label', 'position']);
    expect(provenanceGaps(scope, [spec])).toEqual([]);
  });
});

describe('a bullet that labels and lists a model’s fields at once', () => {
  const spec = [
    '# Spec: Sign-in',
    '',
    '## Login History Minimum Schema',
    '',
    '- 필수 필드: `attemptId`, `accountId?`, `ipAddress`, `succeededAt`.',
    '- 이벤트 종류는 `LOGIN_OK`, `LOGIN_FAILED`를 포함한다.',
    '',
    '## Database Schema',
    '',
    '- Fields: `schemaVersion`, `migratedAt`',
    '',
  ].join('\n');

  it('gives the code names to the model the heading names before "Schema"; a "?" marks one optional', () => {
    const scope = extractScope(spec);
    expect(names(scope, 'LoginHistory')).toEqual(['attemptId', 'accountId', 'ipAddress', 'succeededAt']);
    const history = table(scope, 'LoginHistory');
    expect(history.columns.find((column) => column.name === 'accountId')?.nullable).toBe(true);
    expect(history.columns.every((column) => column.line === lineOf(spec, '필수 필드'))).toBe(true);
    // "Database Schema" names a store, not a model; the values in the next bullet are no fields.
    expect(scope.entities.map((entity) => entity.table)).toEqual(['LoginHistory']);
    expect(provenanceGaps(scope, [spec])).toEqual([]);
  });

  it('only under a heading that says it names a model', () => {
    const scope = extractScope(['# Spec', '', '## Validation', '', '- Required fields: `email`, `password`', '', '## Data Model', '', '### Audit Entry', '', '- Fields: `actorId`, `action`', ''].join('\n'));
    expect(scope.entities.map((entity) => entity.table)).toEqual(['AuditEntry']);
    expect(names(scope, 'AuditEntry')).toEqual(['actorId', 'action']);
  });
});

describe('a tenant key named as a key, without a noun after it', () => {
  const plan = (constraint: string): string =>
    ['# Plan: Rentals', '', '## Technical Context', '', `- ${constraint}`, '', '## Key Entities', '', '- **Rental**: Attributes: start date, end date, price.', '- **Bike**: Attributes: frame size, colour.', ''].join('\n');

  it('"multi-tenant isolation via shop_id query filtering" gives each new model the key, cited at that line', () => {
    const text = plan('Multi-tenant isolation via shop_id query filtering');
    const scope = extractScope(text);
    for (const model of ['Rental', 'Bike']) expect(table(scope, model).columns.find((column) => column.name === 'shop_id')).toMatchObject({ nullable: false, line: lineOf(text, 'Multi-tenant') });
    expect(provenanceGaps(scope, [text])).toEqual([]);
  });

  it('a plain word there is no key', () => {
    const scope = extractScope(plan('Multi-tenant isolation via query filtering'));
    expect(names(scope, 'Rental')).toEqual(['start_date', 'end_date', 'price']);
  });
});

describe('a data-model bullet led by a plain model name', () => {
  const plan = [
    '# Plan: Reminders',
    '',
    '## Data Model',
    '',
    '- Reminder: `remindAt` (timestamp), `channel`',
    '- Note: `body` is trimmed before it is stored.',
    '- New tables: reminders, deliveries.',
    '',
  ].join('\n');

  it('names the model when only code-named fields follow the colon', () => {
    const scope = extractScope(plan);
    expect(names(scope, 'Reminder')).toEqual(['remindAt', 'channel']);
    expect(table(scope, 'Reminder').columns[0]).toMatchObject({ type: 'timestamp', line: lineOf(plan, '- Reminder') });
    // A sentence after the label, or words without code, name no model.
    expect(scope.entities.map((entity) => entity.table)).not.toContain('Note');
    expect(provenanceGaps(scope, [plan])).toEqual([]);
  });
});

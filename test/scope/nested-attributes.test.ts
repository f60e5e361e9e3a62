// Attributes listed one per nested bullet under a Key Entities item, the name written bare
// before what is said of it ("- body: 文字列、必須、最大 500 文字"), and the Japanese words
// for types, required/optional, lengths, references and an existing entity.
// Example documents written for this suite.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract } from '../../lib/contract/index.js';
import { parseAttributes } from '../../lib/scope/fields.js';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';

const japanese = [
  '# 機能仕様: メモの付箋',
  '',
  '## 要件',
  '',
  '### Key Entities',
  '',
  '- **付箋 (Sticker)**: メモに貼る短いラベル。属性:',
  '  - id: UUID、サーバーが採番',
  '  - note_id: UUID、必須、メモ (Note) への参照',
  '  - label: 文字列、必須、1 文字以上、最大 40 文字',
  '  - color: 文字列、任意',
  '  - pinned_at: 日時、任意',
  '- **メモ (Note)**: 既存のエンティティ。変更なし。',
  '',
].join('\n');

describe('nested attribute bullets under a Key Entities item', () => {
  const scope = extractScope(japanese);

  it('each bullet is a column with its type, nullability and reference; the existing entity is no change', () => {
    expect(scope.entities.map((entity) => [entity.table, entity.change])).toEqual([['Sticker', 'new-table']]);
    const columns = scope.entities[0].columns;
    expect(columns.map((column) => [column.name, column.type, column.nullable, column.references, column.line])).toEqual([
      ['id', 'UUID', undefined, undefined, 8],
      ['note_id', 'UUID', false, 'Note', 9],
      ['label', 'string', false, undefined, 10],
      ['color', 'string', true, undefined, 11],
      ['pinned_at', 'timestamp', true, undefined, 12],
    ]);
    expect(columns.find((column) => column.name === 'label')).toMatchObject({ minLength: 1, maxLength: 40 });
    expect(provenanceGaps(scope, [japanese])).toEqual([]);
  });

  it('the stated lengths reach the contract’s schema', async () => {
    const doc = `${japanese}\n## API\n\n- \`GET /v1/stickers/{id}\` で付箋を取得する。\n`;
    const { artifact } = await buildContract(extractScope(doc), { apiStyle: 'rest', title: 'Stickers', location: 'auto' });
    const sticker = parse(artifact.text).components.schemas.Sticker;
    expect(sticker.properties.label).toEqual({ type: 'string', minLength: 1, maxLength: 40 });
    expect(sticker.required).toEqual(expect.arrayContaining(['id', 'note_id', 'label']));
  });

  it('the same in English, with the attributes in parentheses; a label bullet still lists names', () => {
    const english = ['## Key Entities', '', '- **Sticker**: a short label on a note.', '  - label (string, required, max 40 chars)', '  - color — string, optional', '- **Badge**: an award.', '  - Attributes: name, level', ''].join('\n');
    const read = extractScope(english);
    expect(read.entities.find((entity) => entity.table === 'Sticker')?.columns.map((column) => [column.name, column.type, column.nullable])).toEqual([
      ['label', 'string', false],
      ['color', 'string', true],
    ]);
    expect(read.entities.find((entity) => entity.table === 'Badge')?.columns.map((column) => column.name)).toEqual(['name', 'level']);
  });

  it('a sentence under an entity is not an attribute', () => {
    const doc = ['## Key Entities', '', '- **Sticker**: a short label on a note.', '  - Stickers are shown in the order they were added.', ''].join('\n');
    expect(extractScope(doc).entities[0].columns).toEqual([]);
  });
});

describe('Japanese attribute words', () => {
  it.each([
    ['文字列、必須、1 文字以上、最大 500 文字', { type: 'string', required: true, minLength: 1, maxLength: 500 }],
    ['文字列、任意、200 文字以内', { type: 'string', required: false, maxLength: 200 }],
    ['整数、0 以上、100 以下', { type: 'integer', minimum: 0, maximum: 100 }],
    ['日時', { type: 'string', format: 'date-time' }],
    ['日付、必須', { type: 'string', format: 'date', required: true }],
    ['真偽値', { type: 'boolean' }],
    ['UUID、ユーザー (User) への参照', { type: 'string', format: 'uuid', references: 'User' }],
  ])('%s', (text, expected) => {
    expect(parseAttributes(text)).toMatchObject(expected);
  });
});

describe('a latency objective written in Japanese', () => {
  it('"95 パーセンタイルで 300 ミリ秒以内" is a p95 of 300 ms, on the list its line names', () => {
    const doc = ['# 付箋', '', '## API', '', '- `GET /v1/stickers` で付箋の一覧を返す。95 パーセンタイルで 300 ミリ秒以内に応答する。', ''].join('\n');
    expect(extractScope(doc).slos).toEqual([expect.objectContaining({ percentile: 'p95', thresholdMs: 300, line: 5 })]);
  });
});

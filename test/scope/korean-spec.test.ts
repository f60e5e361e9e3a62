// A sprint spec written in Korean (Spring realworld trial): the endpoint table's Korean headers, the data model
// stated as prose with the columns in parentheses, the attributes of a field, and the out-of-scope heading.
import { describe, expect, it } from 'vitest';
import { parseAttributes } from '../../lib/scope/fields.js';
import { extractScope } from '../../lib/scope/index.js';

const SPEC = [
  '# 북마크 폴더',
  '',
  '## 배경',
  '읽을 글을 폴더로 나눠 두고 싶다는 요청이 많다.',
  '',
  '## API',
  '',
  '| 메서드 | 경로 | 설명 |',
  '|---|---|---|',
  '| POST | `/folders` | 폴더 만들기 |',
  '| GET | `/folders/{id}/items` | 폴더에 담긴 글 목록 |',
  '',
  '## 데이터 모델',
  '- 새 테이블 `folders`를 만든다 (`id`, `owner_id`, `name`, `created_at`).',
  '- `articles` 테이블에 `folder_id` 컬럼(문자열, null 허용)을 추가한다.',
  '- `bookmark_items` 테이블을 새로 만든다 (`folder_id`, `article_id`).',
  '',
  '## 범위 밖',
  '- 폴더 공유',
  '',
].join('\n');

describe('a Korean spec', () => {
  const scope = extractScope(SPEC);

  it('reads the endpoint table under 메서드 / 경로 / 설명 headers, the description as the summary', () => {
    const ops = scope.operations.map((op) => `${op.method} ${op.path} ${op.summary ?? ''}`.trim());
    expect(ops).toEqual(['POST /folders 폴더 만들기', 'GET /folders/{id}/items 폴더에 담긴 글 목록']);
  });

  it('reads "새 테이블 `x`를 만든다 (…)" as a new table with the columns after the verb', () => {
    const folders = scope.entities.find((entity) => entity.table === 'folders');
    expect(folders?.change).toBe('new-table');
    expect(folders?.columns.map((column) => column.name)).toEqual(['id', 'owner_id', 'name', 'created_at']);
    const items = scope.entities.find((entity) => entity.table === 'bookmark_items');
    expect(items?.change).toBe('new-table');
    expect(items?.columns.map((column) => column.name)).toEqual(['folder_id', 'article_id']);
  });

  it('reads "`t` 테이블에 `c` 컬럼(…)을 추가한다" as a new column on an existing table, with its attributes', () => {
    const articles = scope.entities.find((entity) => entity.table === 'articles');
    expect(articles?.change).toBe('alter-table');
    expect(articles?.columns).toEqual([expect.objectContaining({ name: 'folder_id', nullable: true })]);
    expect(articles?.columns[0].type?.toLowerCase()).toMatch(/string|문자열/);
  });

  it('lists the items under 범위 밖 as out of scope', () => {
    expect(scope.outOfScope.map((item) => item.text)).toEqual(['폴더 공유']);
  });
});

describe('Korean attribute words', () => {
  it('"`a`, `b` 중 하나" is an enum', () => {
    expect(parseAttributes('`spam`, `abuse`, `other` 중 하나').enum).toEqual(['spam', 'abuse', 'other']);
  });

  it('문자열 is a string, 최대 N자 and N자 이하 a maximum length, 선택 optional, 필수 required', () => {
    expect(parseAttributes('문자열, 최대 500자')).toMatchObject({ type: 'string', maxLength: 500 });
    expect(parseAttributes('문자열, 200자 이하')).toMatchObject({ type: 'string', maxLength: 200 });
    expect(parseAttributes('정수, 1 이상')).toMatchObject({ type: 'integer', minimum: 1 });
    expect(parseAttributes('선택').required).toBe(false);
    expect(parseAttributes('필수').required).toBe(true);
  });

  it('null 불가 is not null and 유일 unique', () => {
    expect(parseAttributes('null 불가, 유일')).toMatchObject({ nullable: false, unique: true });
  });
});

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

describe('Korean access rules and page sizes', () => {
  const scope = extractScope([
    '# 태그 구독',
    '',
    '## API',
    '- `POST /tags/{name}/subscriptions` 태그를 구독한다. 로그인한 사용자는 누구나 호출할 수 있다.',
    '- `GET /tags/{name}/articles` 태그의 글 목록. 로그인 없이 누구나 볼 수 있고, 한 번에 최대 20건씩 돌려준다.',
    '- `DELETE /tags/{name}/subscriptions` 구독 해지. 로그인이 필요하다.',
    '',
  ].join('\n'));
  const ruleOf = (key: string) => scope.authz.find((rule) => rule.operations.includes(key));

  it('"로그인한 사용자는 누구나 … 수 있다" lets every signed-in caller in', () => {
    expect(ruleOf('POST /tags/{name}/subscriptions')).toMatchObject({ anySignedIn: true, roles: [] });
  });

  it('"로그인 없이 누구나" is public, "로그인이 필요하다" needs a session', () => {
    expect(ruleOf('GET /tags/{name}/articles')?.public).toBe(true);
    const signedIn = ruleOf('DELETE /tags/{name}/subscriptions');
    expect(signedIn).toBeDefined();
    expect(signedIn?.public).toBeUndefined();
  });

  it('"한 번에 최대 20건씩" caps the page size of the list', () => {
    expect(scope.operations.find((op) => op.path === '/tags/{name}/articles')?.pageSizeMax).toBe(20);
  });
});

describe('a request body stated in a paragraph after the endpoint table', () => {
  const doc = (table: string[], paragraph: string) => extractScope(['# Reports', '', '## API', '', ...table, '', paragraph, ''].join('\n'));
  const TABLE = ['| Method | Path | Description |', '|---|---|---|', '| POST | `/comments/{id}/reports` | report a comment |', '| GET | `/reports` | list reports |'];
  const body = (scope: ReturnType<typeof extractScope>, method: string) => scope.operations.find((op) => op.method === method)?.requestFields;

  it('goes to the one operation of the table that takes a body (English)', () => {
    const scope = doc(TABLE, 'The request body holds `reason` (one of `spam`, `abuse`) and an optional `note` (string, at most 500 characters).');
    expect(body(scope, 'POST')).toEqual([
      expect.objectContaining({ name: 'reason', enum: ['spam', 'abuse'], required: true }),
      expect.objectContaining({ name: 'note', type: 'string', maxLength: 500, required: false }),
    ]);
    expect(body(scope, 'POST')?.[1].description).toBeUndefined();
    expect(body(scope, 'GET')).toEqual([]);
  });

  it('goes there in Korean too: "요청 본문에는 `reason`(… 중 하나)과 선택 항목인 `note`(…)"', () => {
    const korean = ['| 메서드 | 경로 | 설명 |', '|---|---|---|', '| POST | `/comments/{id}/reports` | 댓글 신고 |', '| GET | `/reports` | 신고 목록 |'];
    const scope = doc(korean, '신고 요청 본문에는 `reason`(`spam`, `abuse` 중 하나)과 선택 항목인 `note`(문자열, 최대 500자)를 담는다.');
    expect(body(scope, 'POST')).toEqual([
      expect.objectContaining({ name: 'reason', enum: ['spam', 'abuse'], required: true }),
      expect.objectContaining({ name: 'note', type: 'string', maxLength: 500, required: false }),
    ]);
  });

  it('is not guessed when two operations of the table take a body', () => {
    const two = [...TABLE, '| PUT | `/reports/{id}` | edit a report |'];
    const scope = doc(two, 'The request body holds `reason`.');
    expect(body(scope, 'POST')).toEqual([]);
    expect(body(scope, 'PUT')).toEqual([]);
  });
});

describe('a call stated without a body', () => {
  it('"본문 없이 호출하면" and "called without a body" ask no request fields', () => {
    for (const sentence of ['`PUT /comments/{id}/hidden`으로 숨긴다. 본문 없이 호출하면 댓글이 숨겨진다.', '`PUT /comments/{id}/hidden` hides the comment; it is called without a body.']) {
      const scope = extractScope(`# Hide\n\n## API\n\n${sentence}\n`);
      expect(scope.operations[0]?.noBody).toBe(true);
      expect(scope.questions.map((note) => note.text).join('\n')).not.toContain('request fields');
    }
  });
});

describe('a Korean duplicate rule makes the create retry-safe', () => {
  const TABLE = ['| 메서드 | 경로 | 설명 |', '|---|---|---|', '| POST | `/comments/{id}/reports` | 댓글 신고 |', '| GET | `/reports` | 신고 목록 |'];
  const scope = (paragraph: string) => extractScope(['# 신고', '', '## API', '', ...TABLE, '', paragraph, ''].join('\n'));
  const post = (paragraph: string) => scope(paragraph).operations.find((op) => op.method === 'POST');

  it('"두 번 신고하면 새 신고를 만들지 않고 기존 신고를 돌려준다" in the body paragraph is about that operation', () => {
    expect(post('요청 본문에는 `reason`을 담는다. 같은 사용자가 같은 댓글을 두 번 신고하면 새 신고를 만들지 않고 기존 신고를 돌려준다.')?.retrySafe).toBe(true);
  });

  it('"재시도하지 않는다" does not', () => {
    expect(post('요청 본문에는 `reason`을 담는다. 실패하면 재시도하지 않는다.')?.retrySafe).toBe(false);
  });
});

describe('an operation the app already has, named in passing', () => {
  const ops = (text: string) => extractScope(`# Hide\n\n## API\n- \`POST /a\` creates an a. Body: \`name\`.\n\n${text}\n`).operations.map((op) => `${op.method} ${op.path}`);

  it('"the existing `GET /items`" and "기존 … API(`GET …`)" are references, not new operations', () => {
    expect(ops('Hidden items drop out of the existing `GET /items` list.')).toEqual(['POST /a']);
    expect(ops('숨겨진 댓글은 기존 댓글 목록 API(`GET /items`)에서 빠진다.')).toEqual(['POST /a']);
  });

  it('stays in the contract when the sentence changes it (names a field or parameter)', () => {
    expect(ops('Extend the existing `GET /items` with a `tag` query parameter.')).toEqual(['POST /a', 'GET /items']);
  });
});

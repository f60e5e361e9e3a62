// Reading gaps closed together: the signed-in rule in Chinese without a quantifier,
// EARS error statuses, ownership phrases, a table's new columns as a bullet list,
// an SLO over several named lists, and a Chinese requirement that defines an entity.
import { describe, expect, it } from 'vitest';
import { authzRule } from '../../lib/scope/facts.js';
import { extractScope } from '../../lib/scope/index.js';
import { readUnits } from '../../lib/scope/units.js';
import type { Operation } from '../../lib/types.js';
import { RECIPE_SHARING_EARS as EARS } from '../helpers/specs.js';

function rest(method: string, path: string, summary?: string): Operation {
  return { kind: 'rest', method, path, name: `${method} ${path}`, line: 1, pathParams: [], queryParams: [], requestFields: [], responseFields: [], list: false, retrySafe: false, ...(summary ? { summary } : {}) };
}

describe('已登录用户 / 已登入使用者: every signed-in caller, without 任何 before it', () => {
  const ops = [rest('GET', '/v1/recipes', 'List recipes.'), rest('DELETE', '/v1/recipes/{id}', 'Delete a recipe.')];
  it.each([
    ['允许已登录用户查看菜谱：`GET /v1/recipes`。', 'GET /v1/recipes'],
    ['已登录用户可以查看菜谱：`GET /v1/recipes`。', 'GET /v1/recipes'],
    ['允許已登入使用者刪除食譜：`DELETE /v1/recipes/{id}`。', 'DELETE /v1/recipes/{id}'],
    ['已登入用戶可以刪除食譜：`DELETE /v1/recipes/{id}`。', 'DELETE /v1/recipes/{id}'],
  ])('%s', (sentence, key) => {
    expect(authzRule(sentence, 1, ops, [])).toMatchObject({ roles: [], anySignedIn: true, operations: [key] });
  });

  it('登录 without 已 in front is not the rule ("登录用户的信息" is data)', () => {
    expect(authzRule('菜谱页面显示登录用户的信息。', 1, ops, [])).toBeUndefined();
  });
});

describe('an SLO over a group of endpoints ("the list and search endpoints")', () => {
  const doc = [
    '# Recipes',
    '',
    '## API',
    '',
    '- `GET /v1/recipes` — list recipes',
    '- `GET /v1/recipes/search` — search recipes by ingredient',
    '- `POST /v1/recipes` — add a recipe',
    '- `DELETE /v1/recipes/{id}` — remove a recipe',
    '',
    '## Performance',
    '',
    '- p95 latency under 200 ms for the list and search endpoints.',
    '- p99 under 800 ms for everything else.',
  ].join('\n');

  it('applies to the two operations it names, not to all of them', () => {
    const [group, rest] = extractScope(doc).slos;
    expect(group).toMatchObject({ line: 12, percentile: 'p95', thresholdMs: 200, operations: ['GET /v1/recipes', 'GET /v1/recipes/search'] });
    expect(group.operation).toBeUndefined();
    expect(rest.operations).toBeUndefined();
  });

  it('a group with a word that names no operation names none', () => {
    const odd = doc.replace('the list and search endpoints', 'the list and billing endpoints');
    expect(extractScope(odd).slos[0].operations).toBeUndefined();
  });
});

describe('a table\'s new columns as the list after "… table gets two columns:"', () => {
  const doc = (lead: string): string =>
    ['# Recipe ratings', '', '## API', '', '- `POST /v1/recipes/{id}/rating` — rate a recipe', '', '## Data model', '', lead, '', '- `rated_at` timestamp, nullable', '- `rating_note` varchar(140)', '', 'Nothing else changes.', '', '- `stray` text'].join('\n');

  it.each([
    'The existing `recipes` table gets two columns:',
    '`recipes` gains two new columns:',
    'Two columns are added to the `recipes` table:',
    'New columns on the existing `recipes` table:',
  ])('%s', (lead) => {
    const [recipes, ...others] = extractScope(doc(lead)).entities;
    expect(others).toEqual([]);
    expect(recipes).toMatchObject({ table: 'recipes', change: 'alter-table', line: 9 });
    expect(recipes.columns).toEqual([
      { name: 'rated_at', line: 11, type: 'timestamp', nullable: true },
      { name: 'rating_note', line: 12, type: 'varchar(140)' },
    ]);
  });
});

describe('ownership phrases: the caller owns the row, no role named after the row or "own"', () => {
  const ops = [
    rest('GET', '/v1/notes', 'List notes.'),
    rest('PATCH', '/v1/notes/{id}', 'Edit a note.'),
    rest('GET', '/v1/boards', 'List boards.'),
    rest('DELETE', '/v1/boards/{id}', 'Delete a board.'),
  ];
  it.each([
    ['Authors can edit their notes.', [], 'own notes', ['PATCH /v1/notes/{id}']],
    ['Note authors can only edit their own notes.', [], 'own notes', ['PATCH /v1/notes/{id}']],
    ['Users can only see their own boards.', [], 'own boards', ['GET /v1/boards']],
    ['Users can only see boards they own.', [], 'own boards', ['GET /v1/boards']],
    ['Only the owner of the board may delete it.', [], 'own board', ['DELETE /v1/boards/{id}']],
    ['Only the board owner may delete it.', [], 'own board', ['DELETE /v1/boards/{id}']],
    ['Only the author can edit a note.', [], 'author', ['PATCH /v1/notes/{id}']],
    ['Boards: `own` only; users can only see `own` boards.', [], 'owner', ['GET /v1/boards']],
  ])('%s', (sentence, roles, ownership, operations) => {
    expect(authzRule(sentence, 1, ops, [])).toMatchObject({ roles, ownership, operations });
  });

  it('a status value in code is not a role; an actor without a possessive stays a role', () => {
    expect(authzRule('Authors can only edit notes in `draft` status.', 1, ops, [])?.roles).toEqual(['author']);
    expect(authzRule('Only editors can edit notes whose status is `draft`.', 1, ops, [])?.roles).toEqual(['editor']);
    expect(authzRule('Users can filter boards by their status.', 1, ops, [])).toBeUndefined();
  });
});


describe('EARS acceptance criteria that state error statuses', () => {
  const scope = extractScope(EARS);
  const statuses = (key: string): number[] => (scope.operations.find((op) => `${op.method} ${op.path}` === key)?.statedErrors ?? []).map((error) => error.status);

  it('puts each status on the operation its condition names, with the line', () => {
    expect(statuses('DELETE /v1/recipes/{id}')).toEqual([403]);
    expect(statuses('POST /v1/recipes/{id}/share')).toEqual([409]);
    expect(statuses('POST /v1/recipes')).toEqual([422]);
    expect(scope.operations.find((op) => op.path === '/v1/recipes/{id}/share')?.statedErrors?.[0]).toMatchObject({ line: 12, text: expect.stringContaining('409 Conflict') });
  });

  it('a condition that names no operation attaches nowhere', () => {
    expect(scope.operations.flatMap((op) => op.statedErrors ?? []).some((error) => error.status === 404)).toBe(false);
  });

  it('a 403 for "a user who is not the author" is ownership of that operation: the author', () => {
    expect(scope.authz).toEqual([{ text: expect.stringContaining('not the author'), line: 11, roles: [], operations: ['DELETE /v1/recipes/{id}'], ownership: 'author' }]);
  });

  it('reads the status phrases of other languages', () => {
    for (const sentence of ['当用户删除不存在的菜谱时，系统返回 404。', 'Quando o usuário exclui uma receita, o sistema retorna 404.', 'Si el usuario elimina una receta, el sistema devuelve el código 404.']) {
      expect(extractScope(['## API', '', '- `DELETE /v1/recipes/{id}` — delete a recipe', '', `- ${sentence}`].join('\n')).operations[0].statedErrors?.map((error) => error.status), sentence).toEqual([404]);
    }
  });
});

describe('a Chinese requirement that defines an entity by what it holds', () => {
  const doc = (gloss: string): string =>
    [
      '# 会员服务',
      '',
      `代码按模块划分，${gloss}和 \`coupons\`（优惠券）。`,
      '',
      '### 发票抬头',
      '',
      '#### 需求',
      '',
      '    -   R1: 会员应能新增新的发票抬头，包括联系人、手机号码、城市、邮编和是否默认。',
      '    -   R2: 会员应能查看其发票抬头列表。',
    ].join('\n');

  it('names it by the code name the document glosses it with; its columns come from the attribute vocabulary', () => {
    const scope = extractScope(doc('包括 `invoice_titles`（发票抬头管理）'));
    expect(scope.entities).toEqual([
      {
        table: 'invoice_titles',
        change: 'new-table',
        line: 3,
        columns: [
          { name: 'contact_name', line: 9, term: '联系人' },
          { name: 'mobile', line: 9, term: '手机号码' },
          { name: 'city', line: 9, term: '城市' },
          { name: 'postal_code', line: 9, term: '邮编' },
          { name: 'is_default', line: 9, term: '是否默认' },
        ],
      },
    ]);
  });

  it('without a gloss the table has no name: one question, no entity', () => {
    const scope = extractScope(doc('包括 `billing`（账单）'));
    expect(scope.entities).toEqual([]);
    expect(scope.questions.map((question) => question.text)).toContain('"发票抬头" (联系人, 手机号码, 城市, 邮编, 是否默认): what is its table called in code?');
  });

  it('reads a list indented four spaces under a heading as the list its author wrote (not a code block)', () => {
    const scope = extractScope(['# 会员', '', '## API', '', '    - `GET /v1/members` — 列出会员', '    - `DELETE /v1/members/{id}` — 删除会员'].join('\n'));
    expect(scope.operations.map((op) => `${op.method} ${op.path}@${op.line}`)).toEqual(['GET /v1/members@5', 'DELETE /v1/members/{id}@6']);
    // A real indented code block stays code; the indented list is a list.
    expect(readUnits(['# x', '', '    GET /v1/members HTTP/1.1', '    Host: example.com'].join('\n')).units.map((unit) => unit.kind)).toEqual(['heading', 'code']);
    expect(readUnits(['# x', '', '    -   R1: one', '    -   R2: two', '        more of two'].join('\n')).units.map((unit) => `${unit.kind}:${unit.line}`)).toEqual(['heading:1', 'item:3', 'item:4']);
  });
});

describe('a stated 404 names one resource', () => {
  it('goes to the operations with a path parameter, never to the collection', () => {
    const scope = extractScope(['## API', '', '- `GET /v1/tags` — list tags', '- `GET /v1/tags/{id}` — get a tag', '', '## Tests', '', '- Getting a non-existent tag returns 404.'].join('\n'));
    expect(scope.operations.map((op) => [op.path, (op.statedErrors ?? []).map((error) => error.status)])).toEqual([
      ['/v1/tags', []],
      ['/v1/tags/{id}', [404]],
    ]);
  });
});

// Japanese access rules: the owner, roles named in Japanese, any signed-in user, public, and denials.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const rules = (lines: string[]) => extractScope(`# コメント\n\n## 要件\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`).authz;

describe('Japanese access rules', () => {
  it('the owner or a superuser, any signed-in user, and a public read', () => {
    const found = rules([
      'コメントの削除は投稿者またはスーパーユーザーのみが行える（`DELETE /api/v1/comments/{comment_id}`）。',
      'ログインユーザーは誰でもコメントを投稿できる（`POST /api/v1/comments`）。',
      'コメント一覧はログイン不要で閲覧できる（`GET /api/v1/comments`）。',
      'アイテムの所有者と管理者のみがコメントを非表示にできる（`PUT /api/v1/comments/{comment_id}/hidden`）。',
    ]);
    const of = (key: string) => found.find((rule) => rule.operations.includes(key));
    expect(of('DELETE /api/v1/comments/{comment_id}')).toMatchObject({ ownership: 'owner', roles: ['superuser'] });
    expect(of('POST /api/v1/comments')).toMatchObject({ anySignedIn: true, roles: [] });
    expect(of('GET /api/v1/comments')).toMatchObject({ public: true });
    expect(of('PUT /api/v1/comments/{comment_id}/hidden')).toMatchObject({ ownership: 'owner', roles: ['admin'] });
  });

  it('a denial grants nothing', () => {
    expect(rules(['ゲストはコメントを削除できない（`DELETE /api/v1/comments/{comment_id}`）。'])).toEqual([]);
  });
});

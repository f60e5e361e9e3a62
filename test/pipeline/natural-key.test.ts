// A stated duplicate rule on a create, over a table the spec makes unique on
// the request's columns: the repeat is found by that key, so the plan adds no
// Idempotency-Key header and no idempotency_keys table.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBackendSpec, prepareBackendSpec, type RunContext } from '../../lib/pipeline/backend-spec.js';
import { extractScope } from '../../lib/scope/index.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/repos');

const KOREAN = `# 스프린트 07: 댓글 신고

## API / Data contracts

- \`POST /api/comments/{commentId}/reports\`: 댓글을 신고한다. 요청 본문: \`reason\` (string, 필수).
- 같은 사용자가 같은 댓글을 두 번 신고하면 기존 신고를 반환한다.

## 데이터 모델

- 새 테이블 \`comment_reports\` (\`id\` bigint, \`comment_id\` bigint, \`user_id\` bigint, \`reason\` varchar(200), \`created_at\` timestamp).
- \`comment_id\`와 \`user_id\`의 조합은 중복될 수 없다.
`;

const ENGLISH = `# Sprint 07: comment reports

## API / Data contracts

- \`POST /api/comments/{commentId}/reports\` reports a comment: \`reason\` (string, required). It must be safe to retry.

## Data model

- New table \`comment_reports\` (id bigint, comment_id bigint, user_id bigint, reason varchar(200), created_at timestamp).
- (\`comment_id\`, \`user_id\`) is unique.
`;

function sprintIn(fixture: string, spec: string): RunContext {
  const root = path.join(tempDir('magi-plan-'), 'repo');
  cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
  writeTree(root, { 'docs/07-reports/SPEC.md': spec });
  return { root, home: tempDir('magi-home-'), env: {}, toolVersion: '0.0.0-test' };
}

describe('a retry-safe create keyed by the table’s unique columns', () => {
  it('reads the composite key in Korean (code spans joined by 와, 중복될 수 없다) and English (a tuple, "is unique")', () => {
    for (const spec of [KOREAN, ENGLISH]) {
      const scope = extractScope(spec);
      const reports = scope.entities.find((entity) => entity.table === 'comment_reports');
      expect(reports?.columns.find((column) => column.name === 'user_id')?.uniqueWith).toEqual(['comment_id']);
      const [create] = scope.operations;
      expect(create.retrySafe).toBe(true);
      expect(create.naturalKey).toEqual({ columns: ['comment_id', 'user_id'], line: spec === KOREAN ? 11 : 10 });
    }
  });

  it('"`email` and `username` are unique" stays two keys, and a key nobody creates through stays a table index', () => {
    const scope = extractScope(`# S\n\n## Data model\n\n- New table \`members\` (id uuid, email text, username text).\n- \`email\` and \`username\` are unique.\n`);
    const members = scope.entities.find((entity) => entity.table === 'members');
    expect(members?.columns.some((column) => column.uniqueWith?.length)).toBe(false);
  });

  it('plans the row as the key: no Idempotency-Key header, no idempotency_keys table, a duplicate-create test', async () => {
    const context = sprintIn('spring-boot-jpa', KOREAN);
    const prepared = await prepareBackendSpec(context, { skipPreflight: true }, { lock: false });
    const plan = await planBackendSpec(prepared, { apiStyle: 'rest', conflict: 'merge', scaffoldTest: false });
    const section = plan.documentAfter.slice(plan.documentAfter.indexOf('## Backend'));
    expect(section).toContain('the unique key (`comment_id, user_id`, line 11): a repeat returns the existing row');
    expect(section).toContain('a repeated create returns the existing row');
    expect(section).not.toContain('idempotency_keys');
    expect(section).not.toContain('Idempotency-Key');
    expect(section).toMatch(/UNIQUE \(comment_id, user_id\)|\(comment_id, user_id\)/);
  });

  it('keeps the Idempotency-Key where the table has no such key', async () => {
    const spec = ENGLISH.replace('- (`comment_id`, `user_id`) is unique.\n', '');
    const context = sprintIn('spring-boot-jpa', spec);
    const prepared = await prepareBackendSpec(context, { skipPreflight: true }, { lock: false });
    const plan = await planBackendSpec(prepared, { apiStyle: 'rest', conflict: 'merge', scaffoldTest: false });
    expect(plan.documentAfter).toContain('Idempotency-Key');
    expect(plan.documentAfter).toContain('idempotency_keys');
  });

  it('a create whose client picks the row’s id finds a repeat by that id, even beside a read on the same path', async () => {
    const spec = [
      '# Sprint 08: notes', '', '## API', '',
      '- `GET /partnerships/{partnershipId}/notes` lists notes.',
      '- `POST /partnerships/{partnershipId}/notes` adds a note `{ "id": uuid, "content": string }`.', '',
      '## Retries', '',
      'The front generates the note `id` so POST can be retried after a network error:',
      'a second POST with the same `id` returns 200 with the existing note.', '',
    ].join('\n');
    const [list, create] = extractScope(spec).operations;
    // The read the sentence also names ("returns … the existing note") is no retry target; the create is.
    expect([list.retrySafe, create.retrySafe]).toEqual([false, true]);
    expect(create.naturalKey).toEqual({ columns: ['id'], line: 6 });
    const context = sprintIn('spring-boot-jpa', spec);
    const prepared = await prepareBackendSpec(context, { skipPreflight: true }, { lock: false });
    const plan = await planBackendSpec(prepared, { apiStyle: 'rest', conflict: 'merge', scaffoldTest: false });
    const section = plan.documentAfter.slice(plan.documentAfter.indexOf('## Backend'));
    expect(section).toContain('the unique key (`id`, line 6): a repeat returns the existing row');
    expect(section).toContain('a repeated `POST /partnerships/{partnershipId}/notes` finds the row it made by its unique key (`id`) and returns it');
    expect(section).not.toContain('not retry-safe');
    expect(section).not.toContain('idempotency_keys');
  });

  it('"Reacting twice with the same kind returns the existing reaction" asks for a safe repeat, found by the table’s unique key', () => {
    const spec = '# Reactions\n\n## API\n- `POST /articles/{article}/reactions` — a signed-in user reacts: `{ "kind": string }`. Reacting twice with the same kind returns the existing reaction.\n\n## Data model\n- New table `article_reactions` (`id`, `article_id` (FK articles), `user_id` (FK users), `kind` (varchar(20), not null)).\n- (`article_id`, `user_id`, `kind`) is unique.\n';
    const [create] = extractScope(spec).operations;
    expect(create.retrySafe).toBe(true);
    expect(create.naturalKey?.columns).toEqual(['article_id', 'user_id', 'kind']);
  });
});

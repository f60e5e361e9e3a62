// An operation's summary is the sentence that states it, without the requirement's own label
// (`FR-001:`) and without the route it already is. Document written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

describe('operation summaries from requirement lines', () => {
  const doc = [
    '# Tasks',
    '',
    '## Requirements',
    '',
    '- **FR-001**: System MUST allow users to create a task via `POST /api/tasks` with `title` and `due_date`.',
    '- FR-002：用户可以通过 `GET /api/shelves` 查看自己的书架列表。',
    '- NFR-3: `GET /api/tasks` returns the tasks in due-date order.',
    '- `DELETE /api/tasks/{id}` deletes a task.',
    '- The client reads its session `GET /api/session` for the signed-in user.',
    '- **FR-006**: システムは `POST /api/notes/{id}/pins` でメモをピン留めできなければならない。',
    '- FR-007: `GET /api/pins` を使ってピンのいちらんをみる。',
    '',
  ].join('\n');
  const summaries = Object.fromEntries(extractScope(doc).operations.map((op) => [`${op.method} ${op.path}`, op.summary]));

  it('drops the label and the route, keeps the words', () => {
    expect(summaries).toEqual({
      'POST /api/tasks': 'System MUST allow users to create a task with `title` and `due_date`.',
      'GET /api/shelves': '用户可以查看自己的书架列表。',
      'GET /api/tasks': 'Returns the tasks in due-date order.',
      'DELETE /api/tasks/{id}': 'Deletes a task.',
      // A connector word is whole: the "on" ending "session" stays.
      'GET /api/session': 'The client reads its session for the signed-in user.',
      // Japanese writes the connector after the route (で, を使って): both go, the sentence stays.
      'POST /api/notes/{id}/pins': 'システムはメモをピン留めできなければならない。',
      'GET /api/pins': 'ピンのいちらんをみる。',
    });
  });
});

// Routes that differ only by a parameter's name are one route, with one name. When the other name is not the
// same key spelled differently, the unification hides a lookup the spec states: it is asked, not dropped.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

describe('one parameter name per route position', () => {
  it('{token} where {share_id} stands becomes share_id, and the spec\'s token lookup is asked about', () => {
    const scope = extractScope('# Shares\n\n## API\n\n- `DELETE /api/shares/{share_id}` revokes a share.\n- `GET /api/shares/{token}` opens a share by its token.\n');
    expect(scope.operations.map((op) => `${op.method} ${op.path}`)).toEqual(['DELETE /api/shares/{share_id}', 'GET /api/shares/{share_id}']);
    const asked = scope.questions.filter((question) => question.text.includes('{token}'));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ line: 6 });
    expect(asked[0].text).toContain('`GET /api/shares/{token}` takes `{token}` where the same route is written with `{share_id}`');
  });

  it('{id} beside {task_id} is the same key spelled two ways: nothing to ask', () => {
    const scope = extractScope('# Tasks\n\n## API\n\n- `GET /v1/tasks/{task_id}` returns a task.\n- `DELETE /v1/tasks/{id}` deletes a task.\n');
    expect(new Set(scope.operations.map((op) => op.path)).size).toBe(1);
    expect(scope.questions.some((question) => question.text.includes('looks the row up') || question.text.includes('its own path'))).toBe(false);
  });
});

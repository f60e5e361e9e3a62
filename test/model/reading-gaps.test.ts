// The model's side of reading gaps: an SLO stated for a group of operations,
// stated error statuses, and ownership read from an error clause.
import { describe, expect, it } from 'vitest';
import { sloAlerts } from '../../lib/model/index.js';
import { rest } from './fixtures.js';

describe('an SLO for a group of operations', () => {
  const list = rest('GET', '/v1/recipes', 'listRecipes', 1, { list: true });
  const search = rest('GET', '/v1/recipes/search', 'searchRecipes', 2, { list: true });
  const create = rest('POST', '/v1/recipes', 'createRecipe', 3);
  const metric = 'http.server.request.duration';

  it('alerts on those operations only; the others keep the default latency alert', () => {
    const alerts = sloAlerts([{ line: 9, text: 'p95 under 200 ms for the list and search endpoints', percentile: 'p95', thresholdMs: 200, operations: ['GET /v1/recipes', 'GET /v1/recipes/search'] }], [list, search, create], metric, '5xx / all');
    expect(alerts.map((a) => [a.subject, a.condition, a.source.kind])).toEqual([
      ['GET /v1/recipes, GET /v1/recipes/search', 'p95 > 200 ms', 'slo'],
      ['GET /v1/recipes, GET /v1/recipes/search', 'p95 > 400 ms', 'slo'],
      ['POST /v1/recipes', 'p99 > 1000 ms', 'default'],
      ['*', '5xx / all > 1%', 'default'],
    ]);
  });
});

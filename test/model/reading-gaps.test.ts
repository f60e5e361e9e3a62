// The model's side of reading gaps: an SLO stated for a group of operations,
// stated error statuses, and ownership read from an error clause.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract } from '../../lib/contract/index.js';
import { buildAuthz } from '../../lib/model/authz.js';
import { Findings } from '../../lib/model/findings.js';
import { sloAlerts } from '../../lib/model/index.js';
import { protocolFor } from '../../lib/model/protocol.js';
import { extractScope } from '../../lib/scope/index.js';
import { RECIPE_SHARING_EARS } from '../helpers/specs.js';
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

describe('stated error statuses in the authz matrix and the contract', () => {
  const scope = extractScope(RECIPE_SHARING_EARS);

  it('the "not the author" 403 makes the author the ownership rule of that row', () => {
    const findings = new Findings();
    const { rows } = buildAuthz(scope, undefined, {}, findings, protocolFor('rest', scope));
    expect(rows.find((row) => row.key === 'DELETE /v1/recipes/{id}')).toMatchObject({ auth: 'yes', roles: 'any', ownership: 'author' });
    expect(rows.find((row) => row.key === 'POST /v1/recipes/{id}/share')).toMatchObject({ ownership: 'unknown' });
  });

  it('the contract documents 409 on the share operation with the stated sentence, and still lints clean', async () => {
    const { artifact } = await buildContract(scope, { apiStyle: 'rest', title: 'Recipes', stack: undefined, location: 'file' });
    const doc = parse(artifact.text);
    const share = doc.paths['/v1/recipes/{id}/share'].post.responses;
    expect(Object.keys(share)).toContain('409');
    expect(share['409']).toEqual({ $ref: '#/components/responses/Conflict', description: expect.stringContaining('already shared') });
    expect(Object.keys(doc.paths['/v1/recipes'].post.responses)).not.toContain('409');
    expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});

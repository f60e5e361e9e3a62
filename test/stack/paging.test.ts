// A repository's lists already page one way: the pair of query parameters its handlers read.
// New lists in the sprint page the same way, in the contract, the checklist and the validation table.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract } from '../../lib/contract/index.js';
import { buildBackendSpec } from '../../lib/model/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { detectedService } from '../helpers/detect.js';
import { contract, refundsInput } from '../model/fixtures.js';

const express = { 'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4' } }) };

describe('paging read from the repository', () => {
  it.each([
    ['Express limit/offset', { ...express, 'src/routes/articles.js': "router.get('/', (req, res) => {\n  const limit = Number(req.query.limit);\n  const offset = Number(req.query.offset);\n});\n" }, ['limit', 'offset'], 'src/routes/articles.js:3'],
    ['gin limit/offset', { 'go.mod': 'module x\n\nrequire github.com/gin-gonic/gin v1.9.0\n', 'articles/routers.go': 'func List(c *gin.Context) {\n\tlimit := c.Query("limit")\n\toffset := c.Query("offset")\n}\n' }, ['limit', 'offset'], 'articles/routers.go:3'],
    ['FastAPI skip/limit as typed handler parameters', { 'requirements.txt': 'fastapi\n', 'app/api/routes/notes.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.get("/")\ndef read_notes(\n    session: SessionDep, skip: int = 0, limit: int = 100\n) -> Any:\n    return []\n' }, ['limit', 'skip'], 'app/api/routes/notes.py:7'],
    ['FastAPI Annotated Query parameters', { 'requirements.txt': 'fastapi\n', 'app/routers/notes.py': 'from fastapi import APIRouter, Query\n\n@router.get("/")\ndef read_notes(limit: Annotated[int, Query(le=50)] = 10,\n               offset: Annotated[int, Query(ge=0)] = 0):\n    return []\n' }, ['limit', 'offset'], 'app/routers/notes.py:5'],
    ['Rails page/per_page', { Gemfile: "gem 'rails'\n", 'app/controllers/articles_controller.rb': 'def index\n  @articles = Article.page(params[:page]).per(params[:per_page])\nend\n' }, ['per_page', 'page'], 'app/controllers/articles_controller.rb:2'],
    ['DRF LimitOffsetPagination', { 'requirements.txt': 'Django==5.0\ndjangorestframework==3.15\n', 'shop/users/apis.py': 'from rest_framework.views import APIView\nfrom shop.api.pagination import LimitOffsetPagination\n\nclass UserListApi(APIView):\n    class Pagination(LimitOffsetPagination):\n        default_limit = 10\n' }, ['limit', 'offset'], 'shop/users/apis.py:2'],
    ['Spring Data Pageable', { 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n', 'src/main/java/shop/OrderController.java': '@RestController\nclass OrderController {\n  @GetMapping("/orders")\n  Page<Order> list(Pageable pageable) { return null; }\n}\n' }, ['size', 'page'], 'src/main/java/shop/OrderController.java:4'],
  ])('%s', async (_name, files, params, evidence) => {
    const service = await detectedService(files as Record<string, string>);
    expect(service.layout?.paging?.params).toEqual(params);
    const first = service.layout?.paging?.evidence[0];
    expect(`${first?.file}:${first?.line}`).toBe(evidence);
  });

  it('a helper’s `limit: int = 100` beside a `skip: str` is no paging pair (only integer positions count)', async () => {
    const service = await detectedService({ 'requirements.txt': 'fastapi\n', 'app/api/routes/notes.py': 'def chunk(rows, limit: int = 100):\n    return rows[:limit]\n\ndef read(skip: str = "a"):\n    pass\n' });
    expect(service.layout?.paging).toBeUndefined();
  });

  it('a new list pages with skip/limit as the FastAPI handlers do; skip starts at 0', async () => {
    const service = await detectedService({ 'requirements.txt': 'fastapi\n', 'app/api/routes/notes.py': '@router.get("/")\ndef read_notes(skip: int = 0, limit: int = 100) -> Any:\n    return []\n' });
    const scope = extractScope('# Tags\n\n## API\n\n- `GET /v1/tags` lists the tags.\n');
    const { artifact, checklist } = await buildContract(scope, { apiStyle: 'rest', title: 'Tags', stack: service, location: 'auto' });
    const list = parse(artifact.text).paths['/v1/tags'].get;
    expect(list.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema])).toEqual([
      // The handlers' own default page size.
      ['limit', { type: 'integer', minimum: 1, default: 100 }],
      ['skip', { type: 'integer', minimum: 0 }],
    ]);
    const spec = buildBackendSpec(refundsInput({ service, scope, contract: contract('openapi', '', checklist, 'file') }));
    expect(spec.validation.rules.filter((rule) => rule.location === 'query').map((rule) => [rule.field, rule.constraints])).toEqual([['limit', ['integer', '≥ 1', 'default 100']], ['skip', ['integer', '≥ 0']]]);
  });

  it.each([
    ['gin DefaultQuery', { 'go.mod': 'module x\n\nrequire github.com/gin-gonic/gin v1.9.0\n', 'articles/routers.go': 'func List(c *gin.Context) {\n\tlimit := c.DefaultQuery("limit", "25")\n\toffset := c.Query("offset")\n}\n' }, 25],
    ['Flask args.get with a default', { 'requirements.txt': 'flask\n', 'app/routes.py': 'def index():\n    limit = request.args.get("limit", 30, type=int)\n    offset = request.args.get("offset", 0, type=int)\n' }, 30],
    ['no default stated', { ...express, 'src/routes/articles.js': 'const limit = Number(req.query.limit);\nconst offset = Number(req.query.offset);\n' }, undefined],
  ])('the default page size the handlers state: %s', async (_name, files, size) => {
    const service = await detectedService(files as Record<string, string>);
    expect(service.layout?.paging?.params[0]).toBe('limit');
    expect(service.layout?.paging?.sizeDefault).toBe(size);
  });

  it('finds nothing where no handler reads a paging pair (a test file does not count)', async () => {
    const service = await detectedService({ ...express, 'src/routes/a.js': "router.get('/', (req, res) => res.json(req.query.limit));\n", 'test/routes/a.test.js': 'req.query.limit; req.query.offset;\n' });
    expect(service.layout?.paging).toBeUndefined();
  });

  it('pages the sprint’s new list with the repository’s pair, not the generic limit/cursor', async () => {
    const service = await detectedService({ ...express, 'src/routes/articles.js': 'const limit = req.query.limit;\nconst offset = req.query.offset;\n' });
    const scope = extractScope('# Tags\n\n## API\n\n- `GET /v1/tags` lists the tags.\n');
    const { artifact, checklist } = await buildContract(scope, { apiStyle: 'rest', title: 'Tags', stack: service, location: 'auto' });
    const doc = parse(artifact.text);
    const list = doc.paths['/v1/tags'].get;
    expect(list.parameters.map((p: { name?: string; $ref?: string }) => p.name ?? p.$ref)).toEqual(['limit', 'offset']);
    expect(list.parameters[1].schema).toEqual({ type: 'integer', minimum: 0 });
    expect(Object.keys(doc.components.schemas.TagList.properties)).toEqual(['items']);
    expect(artifact.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const paging = checklist.find((item) => item.topic === 'pagination');
    expect(paging?.decision).toContain("as the repository's handlers already do (`limit`, `offset`, `src/routes/articles.js:2`)");
    const spec = buildBackendSpec(refundsInput({ service, scope, contract: contract('openapi', '', checklist, 'file') }));
    expect(spec.validation.rules.filter((rule) => rule.location === 'query').map((rule) => [rule.field, rule.constraints])).toEqual([['limit', ['integer', '≥ 1']], ['offset', ['integer', '≥ 0']]]);
  });
});

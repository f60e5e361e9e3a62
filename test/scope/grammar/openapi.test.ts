import { describe, expect, it } from 'vitest';
import { readOpenApi } from '../../../lib/scope/grammar/openapi.js';
import type { Operation } from '../../../lib/types.js';

/** Invented fixture: a small branch library's loans API (OpenAPI 3.1, YAML). */
const LOANS = [
  'openapi: 3.1.0', //                                   1
  'info:', //                                            2
  '  title: Branch Library Loans', //                    3
  '  version: 0.3.0', //                                 4
  'servers:', //                                         5
  '  - url: http://localhost:3001/api', //               6
  'paths:', //                                           7
  '  /loans:', //                                        8
  '    x-owner: circulation-team', //                    9
  '    parameters:', //                                 10
  '      - $ref: "#/components/parameters/BranchCode"', // 11
  '    get:', //                                        12
  '      summary: Loans currently checked out', //      13
  '      parameters:', //                               14
  '        - name: overdueOnly', //                     15
  '          in: query', //                             16
  '          description: Only loans past their due date', // 17
  '          schema:', //                               18
  '            type: boolean', //                       19
  '            default: false', //                      20
  '      responses:', //                                21
  "        '200':", //                                  22
  '          description: A page of loans', //          23
  '          content:', //                              24
  '            application/json:', //                   25
  '              schema:', //                           26
  '                type: array', //                     27
  '                items:', //                          28
  '                  $ref: "#/components/schemas/Loan"', // 29
  '    post:', //                                       30
  '      operationId: checkOutBook', //                 31
  '      description: |', //                            32
  '        Lends a copy to a member.', //               33
  '        Fails when the member owes fines.', //       34
  '      parameters:', //                               35
  '        - name: Idempotency-Key', //                 36
  '          in: header', //                            37
  '          required: true', //                        38
  '          schema: { type: string }', //              39
  '      requestBody:', //                              40
  '        $ref: "#/components/requestBodies/NewLoan"', // 41
  '      responses:', //                                42
  "        '201':", //                                  43
  '          $ref: "#/components/responses/LoanCreated"', // 44
  '  /loans/{loanId}/renewal:', //                      45
  '    put:', //                                        46
  '      security: []', //                              47
  '      responses:', //                                48
  "        '204':", //                                  49
  '          description: renewed', //                  50
  'components:', //                                     51
  '  parameters:', //                                   52
  '    BranchCode:', //                                 53
  '      name: branch', //                              54
  '      in: query', //                                 55
  '      required: true', //                            56
  '      schema:', //                                   57
  '        type: string', //                            58
  '        pattern: "^[A-Z]{3}$"', //                   59
  '        minLength: 3', //                            60
  '        maxLength: 3', //                            61
  '  requestBodies:', //                                62
  '    NewLoan:', //                                    63
  '      content:', //                                  64
  '        application/vnd.library+json:', //           65
  '          schema:', //                               66
  '            $ref: "#/components/schemas/NewLoan"', // 67
  '  responses:', //                                    68
  '    LoanCreated:', //                                69
  '      description: created', //                      70
  '      content:', //                                  71
  '        application/json:', //                       72
  '          schema:', //                               73
  '            $ref: "#/components/schemas/Loan"', //   74
  '  schemas:', //                                      75
  '    NewLoan:', //                                    76
  '      type: object', //                              77
  '      required: [copyBarcode, memberId]', //         78
  '      properties:', //                               79
  '        copyBarcode:', //                            80
  '          type: string', //                          81
  '          description: Barcode on the spine', //     82
  '        memberId:', //                               83
  '          type: [integer, "null"]', //               84
  '          minimum: 1', //                            85
  '        loanDays:', //                               86
  '          type: integer', //                         87
  '          exclusiveMinimum: 0', //                   88
  '          maximum: 28', //                           89
  '          default: 14', //                           90
  '        id:', //                                     91
  '          type: string', //                          92
  '          readOnly: true', //                        93
  '    Loan:', //                                       94
  '      allOf:', //                                    95
  '        - $ref: "#/components/schemas/NewLoan"', //  96
  '        - type: object', //                          97
  '          required: [status]', //                    98
  '          properties:', //                           99
  '            status:', //                            100
  '              type: string', //                     101
  '              enum: [out, returned, lost]', //      102
  '            dueOn:', //                             103
  '              type: string', //                     104
  '              format: date', //                     105
  '            tags:', //                              106
  '              type: array', //                      107
  '              items: { type: string }', //          108
].join('\n');

function find(operations: Operation[], method: string, path: string): Operation {
  const op = operations.find((candidate) => candidate.method === method && candidate.path === path);
  if (!op) throw new Error(`no ${method} ${path} in ${operations.map((o) => `${o.method} ${o.path}`).join(', ')}`);
  return op;
}

describe('readOpenApi: OpenAPI 3.1 YAML', () => {
  const result = readOpenApi(LOANS, 20)!;

  it('reads title, base path and one operation per method', () => {
    expect(result).toBeDefined();
    expect(result.title).toBe('Branch Library Loans');
    expect(result.basePath).toBe('/api');
    expect(result.operations.map((op) => `${op.method} ${op.path}`)).toEqual([
      'GET /api/loans',
      'POST /api/loans',
      'PUT /api/loans/{loanId}/renewal',
    ]);
  });

  it('puts each operation on the document line of its path key', () => {
    expect(find(result.operations, 'GET', '/api/loans').line).toBe(20 + 8 - 1);
    expect(find(result.operations, 'POST', '/api/loans').line).toBe(20 + 8 - 1);
    expect(find(result.operations, 'PUT', '/api/loans/{loanId}/renewal').line).toBe(20 + 45 - 1);
  });

  it('reads a list GET with path-level $ref and operation query parameters', () => {
    const list = find(result.operations, 'GET', '/api/loans');
    expect(list.kind).toBe('rest');
    expect(list.name).toBe('listLoans');
    expect(list.summary).toBe('Loans currently checked out');
    expect(list.list).toBe(true);
    expect(list.retrySafe).toBe(false);
    expect(list.unauthenticated).toBeUndefined();
    expect(list.pathParams).toEqual([]);
    expect(list.queryParams).toEqual([
      { name: 'branch', line: 20 + 54 - 1, type: 'string', required: true, minLength: 3, maxLength: 3 },
      { name: 'overdueOnly', line: 20 + 15 - 1, type: 'boolean', default: 'false', description: 'Only loans past their due date' },
    ]);
    expect(list.requestFields).toEqual([]);
  });

  it('takes array item properties (via $ref + allOf) as the response fields of a list', () => {
    const list = find(result.operations, 'GET', '/api/loans');
    expect(list.responseFields.map((field) => field.name)).toEqual(['copyBarcode', 'memberId', 'loanDays', 'id', 'status', 'dueOn', 'tags']);
    const status = list.responseFields.find((field) => field.name === 'status')!;
    expect(status).toEqual({ name: 'status', line: 119, type: 'string', required: true, enum: ['out', 'returned', 'lost'] });
    const dueOn = list.responseFields.find((field) => field.name === 'dueOn')!;
    expect(dueOn.format).toBe('date');
    expect(dueOn.required).toBeUndefined();
    const tags = list.responseFields.find((field) => field.name === 'tags')!;
    expect(tags.type).toBe('array');
    expect(tags.items).toBe('string');
    // required inherited from the allOf's referenced part
    expect(list.responseFields.find((field) => field.name === 'memberId')!.required).toBe(true);
  });

  it('reads operationId, description summary, Idempotency-Key and a JSON-suffixed request body', () => {
    const create = find(result.operations, 'POST', '/api/loans');
    expect(create.name).toBe('checkOutBook');
    expect(create.summary).toBe('Lends a copy to a member.');
    expect(create.retrySafe).toBe(true);
    expect(create.list).toBe(false);
    expect(create.queryParams.map((field) => field.name)).toEqual(['branch']);
    // readOnly `id` is not something a client sends
    expect(create.requestFields).toEqual([
      { name: 'copyBarcode', line: 20 + 80 - 1, type: 'string', required: true, description: 'Barcode on the spine' },
      { name: 'memberId', line: 20 + 83 - 1, type: 'integer', required: true, minimum: 1 },
      { name: 'loanDays', line: 20 + 86 - 1, type: 'integer', exclusiveMinimum: 0, maximum: 28, default: '14' },
    ]);
    expect(create.responseFields.map((field) => field.name)).toContain('status');
    expect(create.responseFields.map((field) => field.name)).toContain('id');
  });

  it('marks `security: []` unauthenticated and names operations without an operationId', () => {
    const renew = find(result.operations, 'PUT', '/api/loans/{loanId}/renewal');
    expect(renew.unauthenticated).toBe(true);
    expect(renew.pathParams).toEqual(['loanId']);
    expect(renew.name).toBe('replaceLoanRenewal');
    expect(renew.responseFields).toEqual([]);
    expect(renew.list).toBe(false);
    expect(renew.summary).toBeUndefined();
  });
});

/** Invented fixture: a city parking-permits API (Swagger 2.0, JSON). */
const PERMITS = `{
  "swagger": "2.0",
  "info": { "title": "Parking Permits", "version": "1" },
  "basePath": "/permits-api/v2/",
  "paths": {
    "/zones/:zoneId/permits/": {
      "get": {
        "parameters": [
          { "name": "zoneId", "in": "path", "required": true, "type": "string" },
          { "name": "plate", "in": "query", "type": "string", "maxLength": 8 },
          { "name": "page", "in": "query", "type": "integer", "minimum": 1, "default": 1 }
        ],
        "responses": {
          "200": { "description": "ok", "schema": { "$ref": "#/definitions/PermitPage" } }
        }
      },
      "post": {
        "parameters": [
          { "name": "idempotency-key", "in": "header", "type": "string" },
          { "name": "body", "in": "body", "schema": { "$ref": "#/definitions/PermitRequest" } }
        ],
        "responses": { "201": { "description": "ok", "schema": { "$ref": "#/definitions/Permit" } } }
      }
    },
    "/permits/{permitId}": {
      "delete": { "operationId": "revokePermit", "responses": { "204": { "description": "gone" } } }
    }
  },
  "definitions": {
    "PermitRequest": {
      "type": "object",
      "required": ["plate"],
      "properties": {
        "plate": { "type": "string", "maxLength": 8 },
        "months": { "type": "integer", "minimum": 1, "maximum": 12, "exclusiveMaximum": true }
      }
    },
    "Permit": {
      "allOf": [
        { "$ref": "#/definitions/PermitRequest" },
        { "properties": { "permitId": { "type": "string", "format": "uuid" } } }
      ]
    },
    "PermitPage": {
      "type": "object",
      "properties": {
        "data": { "type": "array", "items": { "$ref": "#/definitions/Permit" } },
        "nextCursor": { "type": "string" }
      }
    }
  }
}`;

describe('readOpenApi: Swagger 2.0 JSON', () => {
  const result = readOpenApi(PERMITS, 1)!;

  it('prefixes basePath and normalises Express-style params and trailing slashes', () => {
    expect(result.basePath).toBe('/permits-api/v2');
    expect(result.title).toBe('Parking Permits');
    expect(result.operations.map((op) => `${op.method} ${op.path}`)).toEqual([
      'GET /permits-api/v2/zones/{zoneId}/permits',
      'POST /permits-api/v2/zones/{zoneId}/permits',
      'DELETE /permits-api/v2/permits/{permitId}',
    ]);
  });

  it('reads inline query parameters and a { data: [...] } envelope as a list', () => {
    const list = find(result.operations, 'GET', '/permits-api/v2/zones/{zoneId}/permits');
    expect(list.line).toBe(6);
    expect(list.pathParams).toEqual(['zoneId']);
    expect(list.list).toBe(true);
    expect(list.name).toBe('listZonePermits');
    expect(list.queryParams).toEqual([
      { name: 'plate', line: 10, type: 'string', maxLength: 8 },
      { name: 'page', line: 11, type: 'integer', minimum: 1, default: '1' },
    ]);
    expect(list.responseFields.map((field) => field.name)).toEqual(['plate', 'months', 'permitId']);
    expect(list.responseFields.find((field) => field.name === 'permitId')!.format).toBe('uuid');
  });

  it('reads the in: body schema, a lower-case idempotency-key header and Swagger exclusive bounds', () => {
    const create = find(result.operations, 'POST', '/permits-api/v2/zones/{zoneId}/permits');
    expect(create.retrySafe).toBe(true);
    expect(create.name).toBe('createZonePermit');
    expect(create.queryParams).toEqual([]);
    expect(create.requestFields).toEqual([
      { name: 'plate', line: 34, type: 'string', required: true, maxLength: 8 },
      { name: 'months', line: 35, type: 'integer', minimum: 1, exclusiveMaximum: 12 },
    ]);
    expect(create.responseFields.map((field) => field.name)).toEqual(['plate', 'months', 'permitId']);
    expect(create.list).toBe(false);
  });

  it('keeps operationId', () => {
    const revoke = find(result.operations, 'DELETE', '/permits-api/v2/permits/{permitId}');
    expect(revoke.name).toBe('revokePermit');
    expect(revoke.line).toBe(25);
  });
});

describe('readOpenApi: base paths and odd documents', () => {
  const minimal = (servers: string, paths = "  /bikes/:bikeId/:\n    get:\n      responses: {}\n"): string =>
    `openapi: 3.0.3\ninfo: { title: Bikes, version: '1' }\n${servers}paths:\n${paths}`;

  it.each([
    ['servers:\n  - url: /api/v1\n', '/api/v1', '/api/v1/bikes/{bikeId}'],
    ['servers:\n  - url: "{scheme}://bikes.example/v1"\n', '/v1', '/v1/bikes/{bikeId}'],
    ['servers:\n  - url: https://bikes.example/\n', undefined, '/bikes/{bikeId}'],
    ['servers:\n  - url: https://bikes.example/{stage}\n    variables:\n      stage: { default: beta }\n', '/beta', '/beta/bikes/{bikeId}'],
    ['', undefined, '/bikes/{bikeId}'],
  ])('servers %j → base %s', (servers, basePath, path) => {
    const result = readOpenApi(minimal(servers), 1)!;
    expect(result.basePath).toBe(basePath);
    expect(result.operations).toHaveLength(1);
    expect(result.operations[0].path).toBe(path);
    expect(result.operations[0].name).toBe('getBike');
    expect(result.operations[0].list).toBe(false);
  });

  it('does not treat an object with a single unrelated array property as a list', () => {
    const text = [
      'openapi: 3.0.0',
      'info: { title: Shelves, version: "1" }',
      'paths:',
      '  /shelves/{shelfId}:',
      '    get:',
      '      responses:',
      '        "200":',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                properties:',
      '                  label: { type: string }',
      '                  books:',
      '                    type: array',
      '                    items: { type: object, properties: { isbn: { type: string } } }',
    ].join('\n');
    const op = readOpenApi(text, 1)!.operations[0];
    expect(op.list).toBe(false);
    expect(op.responseFields.map((field) => field.name)).toEqual(['label', 'books']);
    expect(op.responseFields[1]).toMatchObject({ type: 'array', items: 'object', line: 14 });
  });

  it('survives circular $refs', () => {
    const text = [
      'openapi: 3.1.0',
      'info: { title: Tree, version: "1" }',
      'paths:',
      '  /nodes:',
      '    post:',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema: { $ref: "#/components/schemas/Node" }',
      'components:',
      '  schemas:',
      '    Node:',
      '      allOf:',
      '        - $ref: "#/components/schemas/Node"',
      '        - properties:',
      '            label: { type: string }',
      '            parent: { $ref: "#/components/schemas/Node" }',
      '    Loop: { $ref: "#/components/schemas/Loop" }',
    ].join('\n');
    const op = readOpenApi(text, 1)!.operations[0];
    expect(op.requestFields.map((field) => `${field.name}:${field.type}`)).toEqual(['label:string', 'parent:object']);
  });

  it('returns undefined for YAML that is not an OpenAPI document', () => {
    expect(readOpenApi('name: loans-service\nreplicas: 2\npaths:\n  /x: {}\n', 1)).toBeUndefined();
    expect(readOpenApi('openapi: 3.0.0\ninfo: { title: No paths, version: "1" }\n', 1)).toBeUndefined();
    expect(readOpenApi('- openapi\n- paths\n', 1)).toBeUndefined();
    expect(readOpenApi('', 1)).toBeUndefined();
  });

  it('returns undefined for invalid YAML instead of throwing', () => {
    expect(readOpenApi('openapi: 3.0.0\npaths:\n  /loans:\n    get: [unclosed\n', 1)).toBeUndefined();
    expect(readOpenApi('{ "swagger": "2.0", "paths": { ', 1)).toBeUndefined();
  });
});

// A repository's handlers already answer errors one way: their own body (`{errors}`), a framework's built-in
// body (Nest's built-in exceptions), or problem details. New operations answer the same way, in the contract
// (schema, media type, lint) and the checklist.
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { buildContract, validateContract } from '../../lib/contract/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { literalBodyAt } from '../../lib/stack/error-body.js';
import { detectedService } from '../helpers/detect.js';

const express = { 'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4' } }) };
const nest = { 'package.json': JSON.stringify({ name: 'api', dependencies: { '@nestjs/core': '^10', '@nestjs/common': '^10' } }) };
const rails = { Gemfile: "gem 'rails', '~> 7.1'\n" };
const fastapi = { 'requirements.txt': 'fastapi==0.110\n' };

describe('the top-level keys of a body literal', () => {
  it.each([
    ['a JS object with a shorthand key', '{ error, code: 404 }', [{ name: 'error' }, { name: 'code', type: 'integer' }]],
    ['a Ruby hash with symbol keys and rockets', '{ errors: { body: ["is invalid"] }, :status => "fail" }', [{ name: 'errors', type: 'object' }, { name: 'status', type: 'string' }]],
    ['a Python dict', '{"detail": str(exc), "fields": []}', [{ name: 'detail', type: 'string' }, { name: 'fields', type: 'array' }]],
    ['a gin.H map', 'gin.H{"error": err.Error()}', [{ name: 'error', type: 'string' }]],
    ['a Go map with an interface{} type', 'map[string]interface{}{"message": "no", "ok": false}', [{ name: 'message', type: 'string' }, { name: 'ok', type: 'boolean' }]],
    ['Flask keyword arguments', 'error="not found", status=404)', [{ name: 'error', type: 'string' }, { name: 'status', type: 'integer' }]],
    ['nested braces and strings that hold separators', "{ errors: { 'a,b': '}' }, message: `x, ${y}` }", [{ name: 'errors', type: 'object' }, { name: 'message', type: 'string' }]],
  ])('%s', (_name, text, fields) => {
    expect(literalBodyAt(text, 0)?.fields).toEqual(fields);
  });

  it('is not a body when the argument is an expression', () => {
    expect(literalBodyAt('order)', 0)).toBeUndefined();
    expect(literalBodyAt('{ ...rest }', 0)?.fields).toEqual([]);
  });
});

describe('the error body read from the repository', () => {
  it('Rails: render json: {errors}, status: :unprocessable_entity in most controllers', async () => {
    const controller = (name: string) => `class ${name}Controller < ApplicationController\n  def create\n    render json: { errors: @x.errors }, status: :unprocessable_entity\n  end\nend\n`;
    const service = await detectedService({ ...rails, 'app/controllers/articles_controller.rb': controller('Articles'), 'app/controllers/comments_controller.rb': controller('Comments'), 'app/controllers/users_controller.rb': 'def show\n  render json: { user: @user }\nend\n' });
    expect(service.layout?.errorBody).toEqual({ kind: 'own', mediaType: 'application/json', fields: [{ name: 'errors' }], evidence: [{ file: 'app/controllers/articles_controller.rb', line: 3 }] });
  });

  it('Nest: handlers throwing the built-in exceptions answer {statusCode, message, error}', async () => {
    const service = await detectedService({
      ...nest,
      'src/articles/articles.controller.ts': "import { NotFoundException } from '@nestjs/common';\nexport class ArticlesController {\n  find() {\n    throw new NotFoundException('Article not found');\n  }\n}\n",
      'src/tags/tags.controller.ts': "throw new ForbiddenException();\n",
    });
    const body = service.layout?.errorBody;
    expect(body?.framework).toBe('NestJS');
    expect(body?.fields.map((field) => field.name)).toEqual(['statusCode', 'message', 'error']);
    expect(body?.evidence[0]).toEqual({ file: 'src/articles/articles.controller.ts', line: 4 });
  });

  it('Nest: an object given to HttpException is the body, and beats a lone built-in throw', async () => {
    const service = await detectedService({
      ...nest,
      'src/user/user.controller.ts': "throw new HttpException({ errors: { username: 'taken' } }, HttpStatus.BAD_REQUEST);\n",
      'src/profile/profile.controller.ts': "throw new HttpException({ errors }, 401);\n",
      'src/tag/tag.controller.ts': "throw new NotFoundException('no tag');\n",
    });
    expect(service.layout?.errorBody).toMatchObject({ kind: 'own', fields: [{ name: 'errors', type: 'object' }] });
    expect(service.layout?.errorBody?.framework).toBeUndefined();
  });

  it('FastAPI: raise HTTPException gives {detail}', async () => {
    const service = await detectedService({ ...fastapi, 'app/api/routes/items.py': 'from fastapi import APIRouter, HTTPException\nrouter = APIRouter()\n\n@router.get("/items/{id}")\ndef read(id):\n    raise HTTPException(status_code=404, detail="Item not found")\n' });
    expect(service.layout?.errorBody).toMatchObject({ kind: 'own', framework: 'FastAPI', fields: [{ name: 'detail', type: 'string' }] });
  });

  it('an Express error middleware writes the body without a status of its own', async () => {
    const service = await detectedService({ ...express, 'src/middleware/errors.js': 'module.exports = (err, req, res, next) => {\n  res.status(err.status).json({ message: err.message, code: err.code });\n};\n' });
    expect(service.layout?.errorBody).toMatchObject({ kind: 'own', fields: [{ name: 'message', type: 'string' }, { name: 'code' }] });
  });

  it('a repository that already answers problem+json keeps problem details, cited', async () => {
    const service = await detectedService({ ...express, 'src/routes/orders.js': "res.status(404).type('application/problem+json').json({ type: 'about:blank', title: 'Not Found', status: 404 });\n" });
    expect(service.layout?.errorBody).toMatchObject({ kind: 'problem', mediaType: 'application/problem+json', evidence: [{ file: 'src/routes/orders.js', line: 1 }] });
  });

  it('success bodies alone say nothing about errors', async () => {
    const service = await detectedService({ ...express, 'src/routes/orders.js': 'res.status(201).json({ id: order.id });\nres.json({ items, total: 3 });\n' });
    expect(service.layout?.errorBody).toBeUndefined();
  });
});

describe('the contract answers errors as the repository does', () => {
  const scope = () => extractScope('# Tags\n\n## API\n\n- `POST /v1/tags` creates a tag with `name`.\n- `GET /v1/tags/{tagId}` returns one tag.\n');
  const railsErrors = { ...rails, 'app/controllers/tags_controller.rb': 'render json: { errors: @tag.errors }, status: :unprocessable_entity\n' };

  it('uses the app\'s own body as the shared Error schema, application/json, lint-clean', async () => {
    const stack = await detectedService(railsErrors);
    const { artifact, checklist } = await buildContract(scope(), { apiStyle: 'rest', title: 'Tags', stack, location: 'auto' });
    const doc = parse(artifact.text);
    expect(doc.components.schemas.Problem).toBeUndefined();
    expect(doc.components.schemas.Error).toMatchObject({ required: ['errors'], properties: { errors: {} } });
    expect(doc.components.responses.NotFound.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
    expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const errors = checklist.find((item) => item.topic === 'errors');
    expect(errors?.decision).toContain("keeps the app's own body");
    expect(errors?.decision).toContain('app/controllers/tags_controller.rb:1');
    expect(errors?.facts).toMatchObject({ format: 'application/json', schema: 'Error', fields: ['errors'] });
  });

  it('the lint holds new error responses to the app\'s media type', async () => {
    const stack = await detectedService(railsErrors);
    const { artifact } = await buildContract(scope(), { apiStyle: 'rest', title: 'Tags', stack, location: 'auto' });
    const edited = { ...artifact, text: artifact.text.replace(/application\/json:\n(\s+)schema:\n\s+\$ref: "#\/components\/schemas\/Error"/, 'application/problem+json:\n$1schema: { type: object }') };
    expect(edited.text).not.toBe(artifact.text);
    const messages = (await validateContract(edited)).filter((problem) => problem.severity === 'error').map((problem) => problem.message);
    expect(messages.some((message) => message.startsWith('magi/error-media-type') && message.includes("application/json (the app's own error body)"))).toBe(true);
  });

  it('without a repository error body, errors stay RFC 9457 problem details', async () => {
    const { artifact } = await buildContract(scope(), { apiStyle: 'rest', title: 'Tags', location: 'auto' });
    const doc = parse(artifact.text);
    expect(doc.components.schemas.Error).toBeUndefined();
    expect(Object.keys(doc.components.responses.NotFound.content)).toEqual(['application/problem+json']);
  });
});

describe('the error body an OpenAPI document declares', () => {
  const existing = `openapi: 3.1.0
info: { title: Shop, version: 2.0.0, license: { name: MIT, identifier: MIT } }
servers: [{ url: /api }]
security: [{ bearerAuth: [] }]
paths:
  /v1/orders/{orderId}:
    get:
      operationId: getOrder
      summary: One order.
      tags: [orders]
      parameters:
        - { name: orderId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: The order., content: { application/json: { schema: { type: object } } } }
        '404': { $ref: '#/components/responses/Failure' }
        '429': { $ref: '#/components/responses/Failure' }
tags: [{ name: orders, description: Orders. }]
components:
  responses:
    Failure:
      description: Failed.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/ErrorResponse'
  schemas:
    ErrorResponse:
      type: object
      required: [code, message]
      properties:
        code: { type: string }
        message: { type: string }
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`;

  it('reads the media type and the schema most error responses use, cited at the schema', async () => {
    const { openApiErrorBody } = await import('../../lib/stack/error-body.js');
    expect(openApiErrorBody(existing, 'api/openapi.yaml')?.body).toEqual({
      kind: 'own', mediaType: 'application/json', schemaName: 'ErrorResponse',
      fields: [{ name: 'code', type: 'string' }, { name: 'message', type: 'string' }],
      evidence: [{ file: 'api/openapi.yaml', line: 27 }],
    });
    expect(openApiErrorBody(existing.replace(/application\/json:\n(\s+)schema:\n\s+\$ref: '#\/components\/schemas\/ErrorResponse'/, 'application/problem+json:\n$1schema: { type: object }'), 'x.yaml')?.body.kind).toBe('problem');
    expect(openApiErrorBody('not: [openapi', 'x.yaml')).toBeUndefined();
    // A key written twice in an example elsewhere in the file does not hide the house style.
    const repeated = existing.replace("summary: One order.", "summary: One order.\n      x-example: { redis: ok, redis: ok }");
    expect(openApiErrorBody(repeated, 'api/openapi.yaml')?.body.schemaName).toBe('ErrorResponse');
  });

  it('reads a file named like a contract that holds Markdown without printing yaml warnings on the terminal', async () => {
    const { openApiErrorBody } = await import('../../lib/stack/error-body.js');
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      // `**Endpoint**:` reads as an alias ending in ':', which yaml warns about through Node's process warnings.
      expect(openApiErrorBody('# Update contact\n\n**Feature**: Update contact\n**Endpoint**: `PUT /contacts/{id}`\n', 'specs/004/contracts/openapi-contact.yaml')).toBeUndefined();
      expect(emitted).not.toHaveBeenCalled();
    } finally {
      emitted.mockRestore();
    }
  });

  it('the repository\'s OpenAPI file beats its handlers', async () => {
    const service = await detectedService({ ...express, 'api/openapi.yaml': existing, 'src/routes/orders.js': "res.status(404).json({ error: 'no' });\n" });
    expect(service.layout?.errorBody).toMatchObject({ kind: 'own', schemaName: 'ErrorResponse', evidence: [{ file: 'api/openapi.yaml', line: 27 }] });
  });

  it('merging into it: new operations reference its schema, add no second one, and lint clean', async () => {
    const scope = extractScope('# Refunds\n\n## API\n\n- `POST /v1/orders/{orderId}/refunds` refunds an order with `amount`.\n');
    const { artifact, warnings } = await buildContract(scope, { apiStyle: 'rest', title: 'Refunds', location: 'auto', existingOpenApi: { path: 'api/openapi.yaml', text: existing } });
    const doc = parse(artifact.text);
    const created = doc.paths['/v1/orders/{orderId}/refunds'].post;
    const notFound = doc.components.responses[created.responses['404'].$ref.split('/').pop()];
    expect(notFound.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } });
    expect(Object.keys(doc.components.schemas)).not.toContain('Problem');
    expect(Object.keys(doc.components.schemas)).not.toContain('Error');
    expect(warnings.filter((warning) => warning.code === 'contract-collision')).toEqual([]);
    expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});

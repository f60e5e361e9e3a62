// Contracts are read with YAML 1.2's core schema, as `yaml` reads them elsewhere.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDocument } from '../../lib/contract-test/openapi.js';

const CONTRACT = `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /orders/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, example: 2024-05-01 } }
        - { name: legacy, in: query, schema: { type: string, example: yes } }
        - { name: code, in: query, schema: { type: string, example: 0777 } }
      responses:
        "200": { description: ok }
`;

describe('parseDocument', () => {
  it('gives the same values as the yaml package (dates and yes/no stay strings, 0777 is a decimal)', async () => {
    expect(await parseDocument(CONTRACT, 'c.yaml')).toEqual(parse(CONTRACT));
  });

  it('names the file and the first line of the YAML error', async () => {
    await expect(parseDocument('openapi: 3.1.0\npaths: [\n', 'bad.yaml')).rejects.toThrow(/^bad\.yaml: not valid YAML\/JSON \(.+\(3:1\)\)$/);
  });

  it('refuses duplicate keys, as yaml does', async () => {
    await expect(parseDocument('openapi: 3.1.0\nopenapi: 3.0.0\n', 'dup.yaml')).rejects.toThrow(/not valid YAML\/JSON/);
  });

  it('refuses a document that is not OpenAPI 3.x', async () => {
    await expect(parseDocument('swagger: "2.0"\n', 's.yaml')).rejects.toThrow(/expected an OpenAPI 3\.0 or 3\.1 document/);
  });
});

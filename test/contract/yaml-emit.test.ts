// The contract's YAML writer gives exactly yaml's bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { YAML_OPTIONS, stringifyYaml } from '../../lib/contract/yaml-emit.js';

const yaml = (value: unknown): string => stringify(value, YAML_OPTIONS);

describe('stringifyYaml', () => {
  it('writes an OpenAPI-shaped document as yaml does', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'Gift cards: "v2"', version: '1.0.0' },
      paths: {
        '/gift-cards/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          get: { responses: { '200': { description: 'ok' }, '404': { $ref: '#/components/responses/NotFound' } }, security: [{ bearerAuth: [] }], tags: [] },
        },
      },
      components: { schemas: { Card: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, yes: { enum: ['yes', 'no', '1.0', '#x', '- a', 'a: b', ''] }, n: { minimum: 0, maximum: 1.5 } } } } },
      nested: [[1, [2, []]], [{ a: {} }], {}],
    };
    expect(stringifyYaml(document)).toBe(yaml(document));
  });

  it('writes multi-line strings as yaml does, at any depth', () => {
    const text = fc.array(fc.constantFrom('a', ' b', 'c d', '', '#e', '  f', '\t', 'g: h', '- i'), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('\n'));
    const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('k', 'l', 'm n'), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('description', 'x', 'y'), tree), (value) => {
        expect(stringifyYaml(value)).toBe(yaml(value));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps 0 and -0 apart', () => {
    expect(stringifyYaml({ a: [0, -0], b: -0 })).toBe(yaml({ a: [0, -0], b: -0 }));
  });

  it('writes names and paths as they are, exactly where yaml does', () => {
    const name = fc.stringMatching(/^[A-Za-z_/][A-Za-z0-9_./{}-]{0,12}$/);
    fc.assert(
      fc.property(fc.dictionary(name, fc.oneof(name, fc.array(name), fc.constantFrom('true', 'NULL', 'False', 'yes', '/x{', '{a}'))), (value) => {
        expect(stringifyYaml(value)).toBe(yaml(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a text that starts like a document marker as yaml does at each depth', () => {
    for (const marker of ['---', '...', '%x', 'a\n---', '--- b']) {
      const value = { [marker]: { [marker]: [marker, { [marker]: marker }] }, k: marker };
      expect(stringifyYaml(value)).toBe(yaml(value));
    }
  });

  it('matches yaml on any JSON object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), (value) => {
        expect(stringifyYaml(value)).toBe(yaml(value));
      }),
      { numRuns: 400 },
    );
  });
});

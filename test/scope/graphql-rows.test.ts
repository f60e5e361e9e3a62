// A schema-first data model: the documents name the entities and the GraphQL schema holds their
// fields. The object types with an `id` give columns to the named entities; a type named
// `Connection` is a stored row (a remote connection), not a Relay page. Document written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';

const doc = [
  '# Sync tasks over GraphQL',
  '',
  '### Key Entities',
  '',
  '- **Connection**: a saved remote.',
  '- **Mirror**: a local folder kept in sync with a connection.',
  '',
  '## Data model',
  '',
  'The schema below is authoritative for the fields.',
  '',
  '```graphql',
  'enum MirrorMode { PUSH PULL BOTH }',
  'scalar DateTime',
  'type Connection { id: ID! label: String! kind: String! mirrors: [Mirror!]! }',
  'type Mirror { id: ID! localPath: String! mode: MirrorMode! paused: Boolean lastRunAt: DateTime connection: Connection! }',
  'type MirrorConnection { edges: [MirrorEdge!]! pageInfo: PageInfo! }',
  'type MirrorEdge { node: Mirror! cursor: String! }',
  'type PageInfo { hasNextPage: Boolean! endCursor: String }',
  'type MirrorPayload { mirror: Mirror }',
  'type Query {',
  '  connection(id: ID!): Connection',
  '  mirrors(first: Int, after: String): MirrorConnection!',
  '}',
  '```',
  '',
].join('\n');

describe('GraphQL object types as the columns of named entities', () => {
  const scope = extractScope(doc);

  it('gives each named entity the scalar and enum fields of its type, typed and with nullability', () => {
    const mirror = scope.entities.find((entity) => /^mirrors?$/i.test(entity.table));
    expect(mirror?.columns.map((column) => column.name)).toEqual(['id', 'localPath', 'mode', 'paused', 'lastRunAt']);
    const byName = new Map(mirror!.columns.map((column) => [column.name, column]));
    expect(byName.get('mode')).toMatchObject({ type: 'enum', enum: ['PUSH', 'PULL', 'BOTH'], nullable: false });
    expect(byName.get('paused')).toMatchObject({ type: 'boolean', nullable: true });
    expect(byName.get('lastRunAt')?.type).toBe('timestamp');
    const connection = scope.entities.find((entity) => /^connections?$/i.test(entity.table));
    expect(connection?.columns.map((column) => column.name)).toEqual(['id', 'label', 'kind']);
  });

  it('makes no entity of pages, edges or payloads, and reads `Connection` as a row, not a page', () => {
    expect(scope.entities.map((entity) => entity.table).filter((name) => /Edge|PageInfo|Payload|MirrorConnection/.test(name))).toEqual([]);
    const get = scope.operations.find((op) => op.name === 'connection');
    const list = scope.operations.find((op) => op.name === 'mirrors');
    expect(get?.list).toBe(false);
    expect(list?.list).toBe(true);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

// Every contract the tool writes is valid in its own language: each OpenAPI `$ref` points at a schema the
// document emits (and the project's lint passes), each GraphQL SDL builds, each proto and tRPC router parses.
// Small documents of our own, combined in pairs, in every API style.
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract } from '../../lib/contract/index.js';
import { extractScope } from '../../lib/scope/index.js';
import type { ApiStyle, Scope } from '../../lib/types.js';
import { jwtStack } from './order-refunds.scope.js';

const STYLES: ApiStyle[] = ['rest', 'graphql', 'grpc', 'trpc'];

/** REST lines that each name something the contract must give a schema: webhooks beside lists, lists without a table, fixed names. */
const REST_LINES = {
  receiver: '- `POST /webhooks/acme`: receive Acme delivery events (signed).',
  failedHooks: '- `GET /webhooks/failed`: list failed webhook deliveries for manual recovery.',
  oneHook: '- `GET /webhooks/{id}`: read one webhook delivery.',
  listNoTable: '- `GET /gadgets`: list gadgets.',
  nestedNoTable: '- `GET /shelves/{shelfId}/gizmos`: list the gizmos on a shelf.',
  problems: '- `POST /problems`: report a problem. Fields: `summary` (string, required).',
  errors: '- `GET /errors`: list recorded errors.',
  retrySafeCreate: '- `POST /parcels`: create a parcel. Must be safe to retry. Fields: `weight_grams` (integer, required).',
  numberedTiers: '- `GET /lockers`: list lockers. Query: `tier` (integer, one of `1`, `2`, `3`).',
  exampleCount: '- `POST /parcels/{id}/like`: toggle a like. Response: `{ "liked": true/false, "count": 10 }`',
};

const ENTITIES = '## Key Entities\n\n- **Parcel**: Attributes: `weight_grams` (integer), `status` (string).\n';

function restDoc(lines: string[]): string {
  return `# Deliveries\n\n## API\n\n${lines.join('\n')}\n\n${ENTITIES}`;
}

const pairs = <T>(items: T[]): T[][] => items.flatMap((item, index) => items.slice(index + 1).map((other) => [item, other]));

async function contract(scope: Scope, apiStyle: ApiStyle) {
  return buildContract(scope, { apiStyle, title: 'Deliveries', serviceName: 'deliveries', stack: jwtStack(), location: 'file' });
}

/** `$ref`s of a document that point at nothing in it. */
function danglingRefs(text: string): string[] {
  const document = parse(text) as Record<string, unknown>;
  const refs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.push(value);
        else walk(value);
      }
    }
  };
  walk(document);
  const resolves = (ref: string): boolean => {
    let node: unknown = document;
    for (const part of ref.replace(/^#\//, '').split('/')) {
      if (!node || typeof node !== 'object' || !(part in node)) return false;
      node = (node as Record<string, unknown>)[part];
    }
    return true;
  };
  return refs.filter((ref) => !resolves(ref));
}

const errorsOf = (problems: { severity: string; message: string }[]) => problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);

describe('contracts from REST documents validate in every style', () => {
  const docs = [...Object.entries(REST_LINES).map(([name, line]) => [name]), ...pairs(Object.keys(REST_LINES))] as (keyof typeof REST_LINES)[][];
  it.each(docs.map((names) => [names.join(' + '), names] as const))('%s', async (_label, names) => {
    const scope = extractScope(restDoc(names.map((name) => REST_LINES[name])));
    for (const style of STYLES) {
      const { artifact } = await contract(scope, style);
      expect({ style, errors: errorsOf(artifact.problems) }).toEqual({ style, errors: [] });
      if (style === 'rest') expect(danglingRefs(artifact.text)).toEqual([]);
      if (style === 'graphql') expect(() => buildSchema(artifact.text)).not.toThrow();
    }
  }, 60_000);
});

describe('webhooks: a receiver has no schema, a list of deliveries does', () => {
  it('`GET /webhooks/failed` beside a receiver lists a Webhook schema the document emits, and asks what it contains', async () => {
    const { artifact, questions } = await contract(extractScope(restDoc([REST_LINES.receiver, REST_LINES.failedHooks])), 'rest');
    const document = parse(artifact.text);
    expect(document.components.schemas.WebhookList.properties.items.items).toEqual({ $ref: '#/components/schemas/Webhook' });
    expect(document.components.schemas.Webhook.properties).toHaveProperty('id');
    expect(questions.map((question) => question.text)).toContain('The fields of Webhook are not stated (no response fields, no `webhooks` table); the contract shows only `id`. What fields does Webhook have?');
    // The tag holds the app's own list too: not only calls from third parties.
    expect(document.tags.find((tag: { name: string }) => tag.name === 'webhooks').description).toBe('Operations on webhooks.');
  });

  it('receivers alone: no Webhook schema, no question about its fields, the tag says who calls', async () => {
    const { artifact, questions } = await contract(extractScope(restDoc([REST_LINES.receiver, REST_LINES.retrySafeCreate])), 'rest');
    const document = parse(artifact.text);
    expect(document.components.schemas).not.toHaveProperty('Webhook');
    expect(questions.map((question) => question.text).join('\n')).not.toContain('fields of Webhook');
    expect(document.tags.find((tag: { name: string }) => tag.name === 'webhooks').description).toBe('Calls from third parties.');
  });
});

describe('a resource named like the error schema keeps its own schema', () => {
  it('`POST /problems` returns the Problem resource; errors are ProblemDetails', async () => {
    const { artifact, checklist } = await contract(extractScope(restDoc([REST_LINES.problems])), 'rest');
    const document = parse(artifact.text);
    // The resource (its `id`), not RFC 9457's body, is what the create returns.
    expect(Object.keys(document.components.schemas.Problem.properties)).toEqual(['id']);
    expect(document.paths['/problems'].post.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(document.components.schemas.ProblemDetails.properties).toHaveProperty('status');
    expect(document.components.responses.BadRequest.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/ProblemDetails' });
    expect(checklist.find((item) => item.topic === 'errors')?.decision).toContain('shared `ProblemDetails` schema');
  });
});

const SDL_DOC = `# Club

## API

\`\`\`graphql
input JoinInput {
  email: String!
  idempotencyKey: ID!
}
input RenameInput {
  name: String!
  idempotency_key: String
}
input LeaveInput {
  clubId: ID!
  clientMutationId: String
}
input NoteInput {
  text: String!
  idempotencyKey: String!
}
type Member {
  id: ID!
  email: String!
  created_at: String
  createdAt: String
}
type Query {
  member(id: ID!): Member
  members(first: Int, after: String): [Member!]!
}
type Mutation {
  joinClub(input: JoinInput!): Member!
  renameMember(id: ID!, input: RenameInput!): Member!
  leaveClub(input: LeaveInput!): Member!
  addNote(input: NoteInput!): Member!
  pauseMember(memberId: ID!, idempotencyKey: ID!): Member!
}
\`\`\`

Joining the club must be safe to retry. Renaming a member must be safe to retry. Leaving the club must be safe to retry. Pausing a member must be safe to retry.
`;

/** The field names of one input (or type) block of an SDL text. */
function blockFields(sdl: string, header: string): string[] {
  const block = sdl.split('\n\n').find((part) => part.startsWith(`${header} {`));
  return (block ?? '').split('\n').slice(1, -1).filter((line) => !line.trim().startsWith('"""')).map((line) => line.trim().split(':')[0]);
}

describe('GraphQL: a key the input already declares is the key', () => {
  it('builds in every style', async () => {
    const scope = extractScope(SDL_DOC);
    for (const style of STYLES) {
      const { artifact } = await contract(scope, style);
      expect({ style, errors: errorsOf(artifact.problems) }).toEqual({ style, errors: [] });
    }
  });

  it('each input has one idempotencyKey: the declared one (`idempotencyKey`, `idempotency_key`), else the added one', async () => {
    const { artifact } = await contract(extractScope(SDL_DOC), 'graphql');
    const schema = buildSchema(artifact.text);
    expect(schema.getMutationType()?.getFields()).toHaveProperty('joinClub');
    const count = (input: string) => blockFields(artifact.text, `input ${input}`).filter((name) => name === 'idempotencyKey').length;
    for (const input of ['JoinClubInput', 'RenameMemberInput', 'LeaveClubInput', 'AddNoteInput', 'PauseMemberInput']) expect({ input, keys: count(input) }).toEqual({ input, keys: 1 });
    // The declared key keeps its own line (and optionality); only an input without one gets the documented, required key.
    expect(artifact.text).toMatch(/input RenameMemberInput \{\n(?:.*\n)*? {2}idempotencyKey: String\n/);
    expect(artifact.text).toMatch(/input LeaveClubInput \{\n(?:.*\n)*?.*"""Unique per intended request.*\n {2}idempotencyKey: String!\n/);
    expect(blockFields(artifact.text, 'input LeaveClubInput')).toContain('clientMutationId');
  });

  it('a mutation whose input declares the key is keyed by it, though no sentence asks for safe retries', async () => {
    const { checklist } = await contract(extractScope(SDL_DOC), 'graphql');
    const keyed = checklist.find((item) => item.topic === 'idempotency')?.facts.keyed as string[];
    expect(keyed).toEqual(expect.arrayContaining(['addNote', 'joinClub', 'pauseMember']));
  });

  it('a type with `created_at` and `createdAt`, a query stating `first`/`after`: each name once', async () => {
    const { artifact } = await contract(extractScope(SDL_DOC), 'graphql');
    expect(blockFields(artifact.text, 'type Member').filter((name) => name === 'createdAt')).toHaveLength(1);
    const members = buildSchema(artifact.text).getQueryType()?.getFields().members;
    expect(members?.args.map((arg) => arg.name)).toEqual(['first', 'after']);
  });

  it('tRPC and proto write the declared key once and add none beside it', async () => {
    const scope = extractScope(SDL_DOC);
    const trpc = (await contract(scope, 'trpc')).artifact.text;
    const procedure = trpc.slice(trpc.indexOf('joinClub:'), trpc.indexOf('}))', trpc.indexOf('joinClub:')));
    expect(procedure.match(/idempotencyKey:/g)).toHaveLength(1);
    const proto = (await contract(scope, 'grpc')).artifact.text;
    const request = proto.slice(proto.indexOf('message JoinClubRequest'), proto.indexOf('}', proto.indexOf('message JoinClubRequest')));
    expect(request).toContain('idempotency_key');
    expect(request).not.toContain('request_id');
  });
});

describe('an enum never takes the name of a type the contract defines', () => {
  it('`Parcel.status` values beside a `ParcelStatus` resource: one definition per name in SDL and proto', async () => {
    const doc = '# Parcels\n\n## API\n\n- `PUT /parcels/{parcelId}/status`: set the status of a parcel. Fields: `status` (string, required).\n- `GET /parcels/{parcelId}`: read a parcel.\n\n## Key Entities\n\n- **Parcel**: Attributes: `status` (one of `PENDING`, `SENT`), `weight_grams` (integer).\n- **ParcelStatus**: Attributes: `code` (string).\n';
    const scope = extractScope(doc);
    for (const style of ['graphql', 'grpc'] as const) {
      const { artifact } = await contract(scope, style);
      expect({ style, errors: errorsOf(artifact.problems) }).toEqual({ style, errors: [] });
    }
    const { artifact } = await contract(scope, 'graphql');
    expect(() => buildSchema(artifact.text)).not.toThrow();
    const names = [...artifact.text.matchAll(/^(?:type|enum|input) (\w+)/gm)].map((match) => match[1]);
    expect(names.length).toBe(new Set(names).size);
  });
});

describe('numbers a field allows stay numbers', () => {
  const scope = extractScope(restDoc([REST_LINES.numberedTiers, REST_LINES.exampleCount]));

  it('OpenAPI lists them as numbers, tRPC as literals, GraphQL and proto keep the number type', async () => {
    const rest = parse((await contract(scope, 'rest')).artifact.text) as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; schema: { type: string; enum?: unknown[] } }> }>> };
    const tier = rest.paths['/lockers'].get.parameters!.find((parameter) => parameter.name === 'tier')!;
    expect(tier.schema).toMatchObject({ type: 'integer', enum: [1, 2, 3] });
    expect((await contract(scope, 'trpc')).artifact.text).toContain('z.union([z.literal(1), z.literal(2), z.literal(3)])');
    const sdl = (await contract(scope, 'graphql')).artifact.text;
    expect(sdl).toMatch(/tier: Int\b/);
    expect(sdl).not.toMatch(/enum \w*Tier/);
    expect((await contract(scope, 'grpc')).artifact.text).not.toMatch(/enum \w*Tier/);
  });

  it('an example value (`"count": 10`) gives the type, not the one value allowed', () => {
    const like = scope.operations.find((op) => op.path === '/parcels/{id}/like')!;
    expect(like.responseFields.find((field) => field.name === 'count')).toMatchObject({ type: 'integer' });
    expect(like.responseFields.find((field) => field.name === 'count')?.enum).toBeUndefined();
  });
});

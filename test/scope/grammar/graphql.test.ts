import { describe, expect, it } from 'vitest';
import { isSubscription, readGraphqlSchema, readGraphqlSignature } from '../../../lib/scope/grammar/graphql.js';
import type { Operation } from '../../../lib/types.js';

/** Invented fixture: a workspace invitations API (SDL), starting on document line 40. */
const WORKSPACES = [
  'enum Role {', //                                               40
  '  OWNER', //                                                   41
  '  MEMBER', //                                                  42
  '}', //                                                         43
  '', //                                                          44
  'input InviteMemberInput {', //                                 45
  '  workspaceId: ID!', //                                        46
  '  email: Email!', //                                           47
  '  role: Role = MEMBER', //                                     48
  '}', //                                                         49
  '', //                                                          50
  'type Invitation {', //                                         51
  '  id: UUID!', //                                               52
  '  email: String!', //                                          53
  '  role: Role!', //                                             54
  '  sentAt: DateTime', //                                        55
  '  workspace: Workspace!', //                                   56
  '}', //                                                         57
  '', //                                                          58
  'type Workspace {', //                                          59
  '  id: ID!', //                                                 60
  '  name: String!', //                                           61
  '}', //                                                         62
  '', //                                                          63
  'type InvitationConnection {', //                               64
  '  totalCount: Int!', //                                        65
  '}', //                                                         66
  '', //                                                          67
  'type Query {', //                                              68
  '  """Pending invitations of a workspace."""', //               69
  '  invitations(workspaceId: ID!, first: Int = 20, roles: [Role!]): InvitationConnection!', // 70
  '}', //                                                         71
  '', //                                                          72
  'extend type Mutation {', //                                    73
  '  inviteMember(input: InviteMemberInput!): Invitation', //     74
  '  revokeInvitation(id: ID!, reason: RevokeReason): Boolean!', // 75
  '}', //                                                         76
  '', //                                                          77
  'enum RevokeReason { EXPIRED DUPLICATE }', //                   78
].join('\n');

/** Invented fixture: a bookmarks API grouped under namespace fields, with a subscription. */
const BOOKMARKS = [
  'schema { query: RootQuery mutation: RootMutation subscription: RootSubscription }', // 1
  'type RootQuery {', //                                          2
  '  bookmark: BookmarkQuery', //                                 3
  '  me: User', //                                                4
  '}', //                                                         5
  'type BookmarkQuery {', //                                      6
  '  list(tag: String, limit: Int): [Bookmark!]!', //             7
  '  get(id: ID!): Bookmark', //                                  8
  '}', //                                                         9
  'type RootMutation {', //                                      10
  '  folders: Folders', //                                       11
  '}', //                                                        12
  'type Folders {', //                                           13
  '  create(name: String!, color: Color): Folder!', //           14
  '  archived: Folder', //                                       15
  '}', //                                                        16
  'type RootSubscription {', //                                  17
  '  bookmarkAdded(folderId: ID!): Bookmark!', //                18
  '}', //                                                        19
  'type User { id: ID! email: String! bookmarks(first: Int): [Bookmark!]! }', // 20
  'type Bookmark { id: ID! url: URL! title: String savedOn: Date tags: [String!]! folder: Folder }', // 21
  'type Folder { id: ID! name: String! }', //                    22
  'scalar Color', //                                             23
].join('\n');

function byName(ops: Operation[], name: string): Operation {
  const op = ops.find((candidate) => candidate.name === name);
  if (!op) throw new Error(`no operation ${name} in ${ops.map((candidate) => candidate.name).join(', ')}`);
  return op;
}

describe('readGraphqlSchema', () => {
  const read = readGraphqlSchema(WORKSPACES, 40)!;

  it('reads enums, including one declared after its use', () => {
    expect(read.enums.get('Role')).toEqual(['OWNER', 'MEMBER']);
    expect(read.enums.get('RevokeReason')).toEqual(['EXPIRED', 'DUPLICATE']);
  });

  it('reads input types with formats, enum values, defaults and lines', () => {
    expect(read.inputs.get('InviteMemberInput')).toEqual([
      { name: 'workspaceId', line: 46, required: true, type: 'string' },
      { name: 'email', line: 47, required: true, type: 'string', format: 'email' },
      { name: 'role', line: 48, required: false, type: 'string', enum: ['OWNER', 'MEMBER'], default: 'MEMBER' },
    ]);
  });

  it('reads Query and extend type Mutation fields with the lines of their names', () => {
    expect(read.operations.map((op) => [op.kind, op.name, op.line])).toEqual([
      ['graphql-query', 'invitations', 70],
      ['graphql-mutation', 'inviteMember', 74],
      ['graphql-mutation', 'revokeInvitation', 75],
    ]);
  });

  it('maps arguments: defaults, lists of enums, enums declared below', () => {
    const invitations = byName(read.operations, 'invitations');
    expect(invitations.requestFields).toEqual([
      { name: 'workspaceId', line: 70, required: true, type: 'string' },
      { name: 'first', line: 70, required: false, type: 'integer', default: '20' },
      { name: 'roles', line: 70, required: false, type: 'array', items: 'string', enum: ['OWNER', 'MEMBER'] },
    ]);
    expect(invitations.list).toBe(true);
    expect(invitations.summary).toBe('Returns InvitationConnection!');
    expect(invitations.responseFields).toEqual([{ name: 'totalCount', line: 65, required: true, type: 'integer' }]);
    const revoke = byName(read.operations, 'revokeInvitation');
    expect(revoke.requestFields[1]).toEqual({ name: 'reason', line: 75, required: false, type: 'string', enum: ['EXPIRED', 'DUPLICATE'] });
    expect(revoke.list).toBe(false);
  });

  it('expands an `input` argument and reads scalar response fields only', () => {
    const invite = byName(read.operations, 'inviteMember');
    expect(invite.requestFields.map((field) => [field.name, field.line])).toEqual([
      ['workspaceId', 46],
      ['email', 47],
      ['role', 48],
    ]);
    expect(invite.responseFields).toEqual([
      { name: 'id', line: 52, required: true, type: 'string', format: 'uuid' },
      { name: 'email', line: 53, required: true, type: 'string' },
      { name: 'role', line: 54, required: true, type: 'string', enum: ['OWNER', 'MEMBER'] },
      { name: 'sentAt', line: 55, required: false, type: 'string', format: 'date-time' },
    ]);
    expect(invite.summary).toBe('Returns Invitation');
    expect(invite.list).toBe(false);
  });

  it('lists the other object types with named field types', () => {
    expect(read.objects.map((object) => [object.name, object.line])).toEqual([
      ['Invitation', 51],
      ['Workspace', 59],
      ['InvitationConnection', 64],
    ]);
    expect(read.objects[0].fields[4]).toEqual({ name: 'workspace', type: 'Workspace', line: 56, required: true, list: false });
  });

  it('reads namespaced roots as `<root>.<field>` and skips the namespace field', () => {
    const ns = readGraphqlSchema(BOOKMARKS, 1)!;
    expect(ns.operations.map((op) => [op.kind, op.name, op.line])).toEqual([
      ['graphql-query', 'bookmark.list', 7],
      ['graphql-query', 'bookmark.get', 8],
      ['graphql-query', 'me', 4],
      ['graphql-mutation', 'folders.create', 14],
      ['graphql-mutation', 'folders.archived', 15],
      ['graphql-query', 'bookmarkAdded', 18],
    ]);
    const list = byName(ns.operations, 'bookmark.list');
    expect(list.list).toBe(true);
    expect(list.requestFields.map((field) => [field.name, field.type])).toEqual([
      ['tag', 'string'],
      ['limit', 'integer'],
    ]);
    expect(list.responseFields.map((field) => [field.name, field.type, field.format, field.items])).toEqual([
      ['id', 'string', undefined, undefined],
      ['url', 'string', 'uri', undefined],
      ['title', 'string', undefined, undefined],
      ['savedOn', 'string', 'date', undefined],
      ['tags', 'array', undefined, 'string'],
    ]);
    // A declared custom scalar is a string described by its name.
    expect(byName(ns.operations, 'folders.create').requestFields[1]).toEqual({ name: 'color', line: 14, required: false, type: 'string', description: 'Color' });
    // `me: User` is data, not a namespace: User has plain scalar fields.
    expect(byName(ns.operations, 'me').responseFields.map((field) => field.name)).toEqual(['id', 'email']);
    expect(ns.objects.map((object) => object.name)).toEqual(['User', 'Bookmark', 'Folder']);
  });

  it('marks subscription fields', () => {
    const ns = readGraphqlSchema(BOOKMARKS, 1)!;
    const added = byName(ns.operations, 'bookmarkAdded');
    expect(added.kind).toBe('graphql-query');
    expect(added.summary).toBe('Subscription: returns Bookmark!');
    expect(isSubscription(added)).toBe(true);
    expect(isSubscription(byName(ns.operations, 'bookmark.get'))).toBe(false);
  });

  it('returns undefined for text that is not SDL', () => {
    expect(readGraphqlSchema('type Query { broken(: }', 1)).toBeUndefined();
    expect(readGraphqlSchema('The invite flow sends an email to the member.', 1)).toBeUndefined();
  });
});

describe('readGraphqlSignature', () => {
  const known = { inputs: new Map(), enums: new Map([['Role', ['OWNER', 'MEMBER', 'GUEST']]]) };

  it('resolves an enum argument from known enums', () => {
    const op = readGraphqlSignature('inviteMember(workspaceId: ID!, email: String!, role: Role!): Invitation', 12, 'mutation', known)!;
    expect(op.kind).toBe('graphql-mutation');
    expect(op.name).toBe('inviteMember');
    expect(op.line).toBe(12);
    expect(op.summary).toBe('Returns Invitation');
    expect(op.requestFields).toEqual([
      { name: 'workspaceId', line: 12, required: true, type: 'string' },
      { name: 'email', line: 12, required: true, type: 'string' },
      { name: 'role', line: 12, required: true, type: 'string', enum: ['OWNER', 'MEMBER', 'GUEST'] },
    ]);
  });

  it('reads a keyword signature without a return type and sets no summary', () => {
    const op = readGraphqlSignature('mutation inviteMember(workspaceId: ID!, email: String!, role: Role!)', 3, undefined)!;
    expect(op.kind).toBe('graphql-mutation');
    expect(op.summary).toBeUndefined();
    expect(op.list).toBe(false);
    // Role is unknown here: a string described by its name, never an object.
    expect(op.requestFields[2]).toEqual({ name: 'role', line: 3, required: true, type: 'string', description: 'Role' });
  });

  it('reads list returns and unknown input-like types as objects', () => {
    const op = readGraphqlSignature('query transactions(filter: TransactionFilter): [Transaction!]!', 8, undefined)!;
    expect(op.kind).toBe('graphql-query');
    expect(op.list).toBe(true);
    expect(op.summary).toBe('Returns [Transaction!]!');
    expect(op.requestFields).toEqual([{ name: 'filter', line: 8, required: false, type: 'object', description: 'TransactionFilter' }]);
    const accounts = readGraphqlSignature('accounts: [Account!]!', 9, 'query')!;
    expect(accounts.name).toBe('accounts');
    expect(accounts.list).toBe(true);
    expect(accounts.requestFields).toEqual([]);
  });

  it('marks a subscription keyword', () => {
    const op = readGraphqlSignature('subscription stockChanged(sku: String!): StockLevel', 5, 'mutation')!;
    expect(isSubscription(op)).toBe(true);
    expect(op.summary).toBe('Subscription: returns StockLevel');
  });

  it('returns undefined without a kind, for prose, and for more than one field', () => {
    expect(readGraphqlSignature('inviteMember(email: String!): Invitation', 1, undefined)).toBeUndefined();
    expect(readGraphqlSignature('send the invite email', 1, 'mutation')).toBeUndefined();
    expect(readGraphqlSignature('a: Int } type X { b: Int', 1, 'query')).toBeUndefined();
    expect(readGraphqlSignature('invite(email: String!', 1, 'mutation')).toBeUndefined();
  });
});

// What issue "Read the spec" asked for, one statement shape per test, on a
// document written for this suite (test/fixtures/specs/20-reading-shapes.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';
import { operationKey, type Operation } from '../../lib/types.js';

const text = readFileSync(new URL('../fixtures/specs/20-reading-shapes.md', import.meta.url), 'utf8');
const scope = extractScope(text);
const op = (key: string): Operation => {
  const found = scope.operations.find((candidate) => operationKey(candidate) === key);
  if (!found) throw new Error(`no operation ${key}; have ${scope.operations.map(operationKey).join(', ')}`);
  return found;
};
const lineOf = (needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('GraphQL signatures are parsed with the GraphQL grammar', () => {
  it('reads arguments with their types, required marks and the return type', () => {
    const invite = op('inviteMember');
    expect(invite.kind).toBe('graphql-mutation');
    expect(invite.requestFields.map((field) => [field.name, field.type, field.required])).toEqual([
      ['workspaceId', 'string', true],
      ['email', 'string', true],
      ['role', 'string', true],
    ]);
    // `Role` is a named type the document does not define: a string, never JSON.
    expect(invite.requestFields[2].type).not.toBe('object');
    expect(invite.summary).toBe('Returns Invitation');
  });

  it('reads a list of queries after "GraphQL queries:" and marks list returns', () => {
    expect(op('invitations').kind).toBe('graphql-query');
    expect(op('invitations').list).toBe(true);
    expect(op('workspace').list).toBe(false);
  });
});

describe('proto rpc lines are parsed with protobufjs', () => {
  it('reads rpc lines with and without the keyword', () => {
    expect(op('ReserveStock').kind).toBe('grpc');
    expect(op('ReserveStock').summary).toBe('rpc ReserveStock(ReserveStockRequest) returns (Reservation)');
    expect(op('ReleaseStock').line).toBe(lineOf('ReleaseStock('));
  });
});

describe('tRPC inputs are read with the TypeScript type reader', () => {
  it('keeps URL formats, optional fields and list limits', () => {
    expect(op('bookmark.create').requestFields).toEqual([
      expect.objectContaining({ name: 'url', type: 'string', format: 'uri', required: true }),
      expect.objectContaining({ name: 'title', type: 'string', required: false }),
      expect.objectContaining({ name: 'tags', type: 'array', items: 'string', description: 'max 10 items' }),
    ]);
  });

  it('reads a range as an integer with bounds', () => {
    const limit = op('bookmark.list').requestFields.find((field) => field.name === 'limit');
    expect(limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
  });
});

describe('tRPC procedures named without the words query or mutation', () => {
  const read = extractScope('# Loans\n\n## Scope\n\n- tRPC `loan.create` with input `{ bookId: string (uuid) }` creates a loan.\n- tRPC `loan.byId` returns one loan.\n- tRPC `loan.return` with input `{ loanId: string (uuid) }` marks it returned.\n- The `loan.create` button is blue.\n');
  it('reads a procedure a tRPC sentence names: reads by their verb are queries, other verbs mutations', () => {
    expect(read.operations.map((candidate) => [candidate.name, candidate.kind])).toEqual([
      ['loan.create', 'trpc-mutation'],
      ['loan.byId', 'trpc-query'],
      ['loan.return', 'trpc-mutation'],
    ]);
    expect(read.operations[0].requestFields).toEqual([expect.objectContaining({ name: 'bookId', type: 'string', format: 'uuid' })]);
  });
});

describe('controller base paths', () => {
  it('prefixes the routes under a heading that names a base path', () => {
    expect(op('GET /v1/audit/events').base).toBe('/v1/audit');
    expect(op('POST /v1/audit/exports').requestFields.map((field) => field.name)).toEqual(['from', 'to']);
  });
});

describe('entities', () => {
  it('reads a parenthesised column list with types, NOT NULL, defaults and values', () => {
    const table = scope.entities.find((entity) => entity.table === 'audit_exports')!;
    expect(table.change).toBe('new-table');
    expect(table.columns.map((column) => column.name)).toEqual(['id', 'requested_by', 'row_count', 'status']);
    expect(table.columns[2]).toMatchObject({ type: 'integer', default: '0', nullable: false });
    expect(table.columns[3].enum).toEqual(['QUEUED', 'DONE']);
  });

  it('reads Key Entities with a translated name and enum values in parentheses', () => {
    const invitation = scope.entities.find((entity) => entity.table === 'Invitation')!;
    expect(invitation.columns.map((column) => column.name)).toEqual(['id', 'workspace', 'email', 'role', 'status', 'expires_at']);
    expect(invitation.columns.find((column) => column.name === 'status')?.enum).toEqual(['PENDING', 'ACCEPTED', 'REVOKED']);
    const membership = scope.entities.find((entity) => entity.table === 'Membership')!;
    expect(membership.columns.map((column) => column.name)).toEqual(['workspace_id', 'user_id', 'role']);
  });
});

describe('authz rules map to operations by their verbs', () => {
  const ruleFor = (key: string) => scope.authz.filter((rule) => rule.operations.includes(key));

  it('"Only owners MAY invite or revoke; any signed-in user MAY accept"', () => {
    expect(ruleFor('inviteMember')[0]).toMatchObject({ ownership: 'owner' });
    expect(ruleFor('revokeInvitation')[0]).toMatchObject({ ownership: 'owner' });
    expect(ruleFor('acceptInvitation')[0]?.text).toContain('any signed-in user MAY accept');
    expect(ruleFor('acceptInvitation')[0]?.roles).toEqual([]);
    // "any signed-in user": no role, but the rule is known (the matrix says signed-in, any role).
    expect(ruleFor('acceptInvitation')[0]?.anySignedIn).toBe(true);
  });

  it('"admin-only" and "owner or auditor only" name roles', () => {
    expect(ruleFor('GET /v1/audit/events')[0]?.roles).toEqual(['admin']);
    expect(ruleFor('POST /v1/audit/exports')[0]?.roles).toEqual(['auditor']);
    expect(ruleFor('POST /v1/audit/exports')[0]?.ownership).toBe('owner');
  });
});

describe('nothing from nothing', () => {
  it('"Jobs: None" gives no job', () => {
    expect(scope.jobs).toEqual([]);
  });

  it('every name can be read at the line it cites', () => {
    expect(provenanceGaps(scope, [text])).toEqual([]);
  });
});

describe('names that only look like facts', () => {
  const scopeOfLines = (...lines: string[]) => extractScope(`# T\n\n## API / Data contracts\n\n${lines.join('\n')}\n`);

  it('the first word of a bullet is not a webhook vendor; a name after a lower-case word is', () => {
    const scope = scopeOfLines('- Test webhook delivery end to end.', '- WHEN the webhook fires, log it.', '- Events arrive from GitHub webhooks.');
    expect(scope.integrations.map((integration) => integration.name)).toEqual(['GitHub']);
  });

  it('"forward-only" and "read-only" name no role', () => {
    const scope = scopeOfLines('- `GET /v1/logs` lists logs.', '- The export is read-only; migrations are forward-only.');
    expect(scope.authz.flatMap((rule) => rule.roles)).toEqual([]);
  });

  it('a table a new table points at is not one of its columns', () => {
    const scope = scopeOfLines('- Create `audit_logs` table with a foreign key to `users`.');
    expect(scope.entities.find((entity) => entity.table === 'audit_logs')?.columns).toEqual([]);
  });

  it('relationship bullets under an entities heading define no entity', () => {
    const scope = extractScope('# T\n\n## Key Entities\n\n- **Ledger**: id, owner_id, currency.\n- **User** has many **Ledgers**.\n');
    expect(scope.entities.map((entity) => entity.table)).toEqual(['Ledger']);
  });
});

describe('models written in prose, labels and diagrams', () => {
  const prose = readFileSync(new URL('../fixtures/specs/21-prose-models.md', import.meta.url), 'utf8');
  const read = extractScope(prose);
  const lineIn = (needle: string): number => prose.split('\n').findIndex((line) => line.includes(needle)) + 1;
  const columnsOf = (table: string): string[] => {
    const entity = read.entities.find((candidate) => candidate.table === table);
    if (!entity) throw new Error(`no entity ${table}; have ${read.entities.map((candidate) => candidate.table).join(', ')}`);
    return entity.columns.map((column) => column.name);
  };

  it('reads "`X` model with `a`, `b`" requirement lines, upper-case values as an enum', () => {
    expect(columnsOf('Sensor')).toEqual(['id', 'label', 'kind', 'greenhouseId']);
    expect(read.entities.find((entity) => entity.table === 'Sensor')!.columns[2].enum).toEqual(['SOIL', 'AIR', 'LIGHT']);
  });

  it('reads a list introduced by "has" or "with" in the conventional column names', () => {
    // The source tree below adds only what is new (`ownerId` is `owner_id` already).
    expect(columnsOf('Greenhouse')).toEqual(['name', 'location', 'id', 'owner_id', 'created_at', 'updated_at', 'areaM2']);
    const location = read.entities.find((entity) => entity.table === 'Greenhouse')!.columns[1];
    expect(location.nullable).toBe(true);
    expect(columnsOf('Grower')).toEqual(['email', 'password_hash', 'created_at', 'last_login_at']);
    // "Contains zero or more Crates" is a relation, not a list of attributes.
    expect(read.entities.find((entity) => entity.table === 'Harvest')?.columns ?? []).toEqual([]);
  });

  it('reads a field table under a bold label, labels in snake_case, required and default from the cell', () => {
    expect(columnsOf('Crate')).toEqual(['weight', 'parent_harvest', 'grade']);
    const [weight, , grade] = read.entities.find((entity) => entity.table === 'Crate')!.columns;
    expect(weight.nullable).toBe(false);
    expect(grade).toMatchObject({ nullable: true, default: 'B' });
    expect(read.entities.some((entity) => entity.table === 'Note')).toBe(false);
  });

  it('reads Mermaid class diagrams: attributes only, no services, enumerations or methods', () => {
    expect(columnsOf('Reading')).toEqual(['id', 'value', 'recordedAt', 'sensorId']);
    expect(read.entities.find((entity) => entity.table === 'Reading')!.line).toBe(lineIn('class Reading'));
    expect(read.entities.map((entity) => entity.table)).not.toContain('ReadingService');
    expect(read.entities.map((entity) => entity.table)).not.toContain('Unit');
  });

  it('a junction table named after two stated models holds a key to each', () => {
    expect(columnsOf('Crop')).toEqual(['name', 'season']);
    expect(columnsOf('GreenhouseCrop')).toEqual(['greenhouse_id', 'crop_id']);
    expect(read.entities.find((entity) => entity.table === 'GreenhouseCrop')!.line).toBe(lineIn('GreenhouseCrop junction'));
  });

  it('a source tree only adds fields to models stated elsewhere', () => {
    expect(read.entities.map((entity) => entity.table)).not.toContain('Pump');
    const area = read.entities.find((entity) => entity.table === 'Greenhouse')!.columns.find((column) => column.name === 'areaM2')!;
    expect(area.line).toBe(lineIn('areaM2)'));
  });

  it('every name can be read at the line it cites', () => {
    expect(provenanceGaps(read, [prose])).toEqual([]);
  });
});

describe('roles are actors, never words that happen to stand near "only" or "role"', () => {
  const rolesOf = (sentence: string): string[] => extractScope(`# Sprint\n\n## Scope\n\n- ${sentence}\n`).authz.flatMap((rule) => rule.roles);

  it('keeps the role after a conjunction and drops the conjunction', () => {
    expect(rolesOf('Yes, but only managers can move entities between parents.')).toEqual(['manager']);
  });

  it('reads no role from "X only" when X is not an actor', () => {
    expect(rolesOf('Fill ONLY if the constitution check has violations.')).toEqual([]);
    expect(rolesOf('Applied only to POST /tasks, not to the reads.')).toEqual([]);
    expect(rolesOf('Placeholder/Mock only.')).toEqual([]);
    expect(rolesOf('Export is owner or auditor only.')).toEqual(['auditor']);
  });

  it('reads no role from "respect role-based access", "Backend Role" or a word of another language', () => {
    expect(rolesOf('Creation MUST respect role-based access: managers can create all four types.')).toEqual(['manager']);
    expect(rolesOf('Backend Role: provides due date data only to signed-in users.')).not.toContain('backend');
    expect(rolesOf('Hệ thống SHALL kiểm tra role của user khi role thay đổi, only via `AdminService`.')).toEqual([]);
    expect(rolesOf('Only the curator role may publish a collection.')).toEqual(['curator']);
  });
});

describe('one question where one thing is unknown', () => {
  it('asks once which operations several unplaced access rules apply to', () => {
    const read = extractScope('# Sprint\n\n## Scope\n\n- `GET /v1/plots` lists plots.\n- Only managers may archive a season.\n- Only auditors may export the ledger.\n');
    const asked = read.questions.filter((question) => /access rules|this rule apply/.test(question.text));
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toMatch(/lines 6, 7/);
  });

  it('asks nothing about rules when no operation is stated: the endpoints question covers them', () => {
    const read = extractScope('# Sprint\n\n## Scope\n\n- Only managers may archive a season.\n');
    expect(read.questions.map((question) => question.text).join('\n')).not.toMatch(/rule/);
    expect(read.questions[0].text).toMatch(/names no API operation/);
  });

  it('asks once for the columns of every table named without them, and once for every body not given', () => {
    const read = extractScope('# Sprint\n\n## Scope\n\n- `POST /v1/plots` creates a plot.\n- `PUT /v1/plots/{id}` replaces it.\n\n## Data model\n\n- New table `plots`.\n- New table `seasons`.\n- New table `harvests`.\n');
    const texts = read.questions.map((question) => question.text);
    expect(texts).toContain('The columns of `plots`, `seasons` and `harvests` are not stated.');
    expect(texts).toContain('The request fields of `POST /v1/plots` and `PUT /v1/plots/{id}` are not stated.');
    expect(texts.filter((text) => /not stated/.test(text))).toHaveLength(2);
  });
});

describe('example bodies and nested lists', () => {
  const examples = readFileSync(new URL('../fixtures/specs/22-example-bodies.md', import.meta.url), 'utf8');
  const read = extractScope(examples);
  const find = (key: string): Operation => read.operations.find((candidate) => operationKey(candidate) === key)!;
  const lineIn = (needle: string): number => examples.split('\n').findIndex((line) => line.includes(needle)) + 1;

  it('reads a JSON request body under its label, with types from the values and comments and trailing commas allowed', () => {
    const create = find('POST /api/pickups');
    expect(create.requestFields.map((field) => [field.name, field.type, field.format])).toEqual([
      ['lockerId', 'integer', undefined],
      ['window', 'string', 'date'],
      ['contactEmail', 'string', 'email'],
      ['notify', 'boolean', undefined],
      ['weights', 'array', undefined],
    ]);
    expect(create.requestFields[4].items).toBe('integer');
    expect(create.requestFields[0].line).toBe(lineIn('"lockerId": 7'));
  });

  it('reads the success response, never the error body', () => {
    const create = find('POST /api/pickups');
    expect(create.responseFields.map((field) => [field.name, field.type, field.format])).toEqual([
      ['id', 'string', 'uuid'],
      ['status', 'string', undefined],
      ['createdAt', 'string', 'date-time'],
      ['fee', 'number', undefined],
    ]);
    expect([...create.requestFields, ...create.responseFields].map((field) => field.name)).not.toContain('message');
  });

  it('an unlabelled array right under a GET is its list response; an http block gives the request body', () => {
    const list = find('GET /api/pickups');
    expect(list.list).toBe(true);
    expect(list.responseFields.map((field) => field.name)).toEqual(['id', 'lockerId']);
    expect(find('PATCH /api/pickups/{id}').requestFields.map((field) => field.name)).toEqual(['status']);
  });

  it('a JSON block that follows no operation or label adds nothing', () => {
    const names = read.operations.flatMap((candidate) => [...candidate.requestFields, ...candidate.responseFields].map((field) => field.name));
    expect(names).not.toContain('config');
  });

  it('a list of records inside an entity is a child table keyed to its parent, in the parent casing; identifiers in parentheses after its noun are columns, plain words are not', () => {
    const child = read.entities.find((entity) => entity.table === 'PickupSlot');
    expect(child?.columns.map((column) => [column.name, column.references])).toEqual([
      ['id', undefined],
      ['pickupId', 'Pickup'],
      ['startsAt', undefined],
      ['capacity', undefined],
    ]);
    expect(read.entities.find((entity) => entity.table === 'Pickup')?.columns.map((column) => column.name)).toEqual(['id', 'lockerId', 'status', 'is_deleted', 'deleted_at']);
  });

  it('every table of a "new tables (`a`, `b`)" list is a new table; an entity named in prose becomes one identifier', () => {
    const tables = read.entities.map((entity) => [entity.table, entity.change]);
    expect(tables).toContainEqual(['courier_routes', 'new-table']);
    expect(tables).toContainEqual(['route_stops', 'new-table']);
    expect(read.entities.map((entity) => entity.table)).toContain('CourierShift');
    expect(read.entities.map((entity) => entity.table).filter((table) => /\s/.test(table))).toEqual([]);
  });

  it('every name can be read at the line it cites', () => {
    expect(provenanceGaps(read, [examples])).toEqual([]);
  });
});

describe('existing models and endpoints a test only checks', () => {
  const examples = readFileSync(new URL('../fixtures/specs/22-example-bodies.md', import.meta.url), 'utf8');
  const read = extractScope(examples);

  it('a model the document says exists is listed with the fields its operations return, not planned as a table', () => {
    expect(read.existingModels?.map((model) => [model.name, model.fields.map((field) => field.name)])).toEqual([['Locker', ['id', 'site', 'updatedAt']]]);
    expect(read.entities.map((entity) => entity.table)).not.toContain('Locker');
  });

  it('an endpoint a test checklist names as where it looks is not planned; one it tests is', () => {
    const keys = read.operations.map(operationKey);
    expect(keys).toContain('PUT /api/lockers/{id}');
    expect(keys).not.toContain('GET /api/lockers/{id}/pickups');
  });
});

describe('attributes written in words, in any language', () => {
  const words = readFileSync(new URL('../fixtures/specs/23-attributes-in-words.md', import.meta.url), 'utf8');
  const read = extractScope(words);
  const columnsOf = (table: string): string[] => read.entities.find((entity) => entity.table === table)?.columns.map((column) => column.name) ?? [];

  it('names Japanese, Chinese and Korean attribute lists by the fixed vocabulary, keeping the word written', () => {
    expect(columnsOf('Member')).toEqual(['email', 'password_hash', 'phone', 'created_at']);
    expect(columnsOf('Category')).toEqual(['name', 'color', 'created_at']);
    expect(columnsOf('Branch')).toEqual(['name', 'address', 'phone']);
    const loan = read.entities.find((entity) => entity.table === 'Loan')!;
    expect(loan.columns.map((column) => [column.name, column.term, column.nullable])).toEqual([
      ['due_date', '返却期限', undefined],
      ['status', '状態', undefined],
      ['notes', '備考', true],
      // "会員に属する": the owner's key, named after the Member entity.
      ['member_id', '会員', false],
    ]);
  });

  it('a sentence of words outside the vocabulary names no column', () => {
    expect(columnsOf('Shelf')).toEqual([]);
  });

  it('"belongs to a loan" and "loan reference" are keys that reference the sprint’s own entity; a key named after itself is not', () => {
    const note = read.entities.find((entity) => entity.table === 'ReaderNote')!;
    expect(note.columns.map((column) => [column.name, column.references])).toEqual([
      ['loan_id', 'Loan'],
      ['body', undefined],
      ['note_id', undefined],
    ]);
    expect(read.entities.find((entity) => entity.table === 'LoanReminder')!.columns[0]).toMatchObject({ name: 'loan_id', references: 'Loan' });
  });

  it('every translated name is checked against the word at its line and the vocabulary', () => {
    expect(provenanceGaps(read, [words])).toEqual([]);
    const forged = structuredClone(read);
    forged.entities[0].columns[0].term = '住所';
    expect(provenanceGaps(forged, [words])).toHaveLength(1);
  });
});

describe('a Simplified Chinese attribute list with code names in full-width parentheses (24-zh-cn-shelves.md)', () => {
  const zh = readFileSync(new URL('../fixtures/specs/24-zh-cn-shelves.md', import.meta.url), 'utf8');
  const read = extractScope(zh);
  const columnsOf = (table: string) => read.entities.find((entity) => entity.table === table)?.columns.map(({ name, type, nullable, term }) => ({ name, type, nullable, term })) ?? [];

  it('takes the code name after each word, with the attributes after it; words in the vocabulary still name theirs', () => {
    expect(columnsOf('Playlist')).toEqual([
      // "最长 80 个字符": a length in characters makes the column a string.
      { name: 'title', type: 'string', nullable: false, term: undefined },
      { name: 'summary', type: undefined, nullable: true, term: undefined },
      { name: 'is_public', type: 'boolean', nullable: undefined, term: undefined },
      { name: 'play_count', type: 'integer', nullable: undefined, term: undefined },
      { name: 'created_at', type: undefined, nullable: undefined, term: '创建时间' },
      { name: 'updated_at', type: undefined, nullable: undefined, term: '更新时间' },
    ]);
    expect(columnsOf('PlaylistTrack').map((column) => [column.name, column.type, column.nullable])).toEqual([
      ['playlist_id', undefined, undefined],
      ['position', 'integer', undefined],
      ['notes', undefined, true],
    ]);
  });

  it('every name traces to the document', () => {
    expect(provenanceGaps(read, [zh])).toEqual([]);
  });
});

describe('what an item says after its last tRPC procedure', () => {
  it('"…input `{…}`; lists a post\'s comments, paginated." makes the procedure a list', () => {
    const read = extractScope('# C\n\n## Scope\n\n- tRPC `comment.byPost` query, input `{ postId: string (uuid), limit: 1..50 }`; lists a post\'s comments, newest first, paginated.\n- tRPC `comment.create` mutation, input `{ body: string }`; the author is the caller.\n');
    expect(read.operations.map((candidate) => [candidate.name, candidate.list])).toEqual([
      ['comment.byPost', true],
      ['comment.create', false],
    ]);
  });
});

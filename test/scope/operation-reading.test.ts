// Operations read as the document means them: endpoint tables headed in Spanish, a slash
// list of methods that sums up routes stated elsewhere, nested routes kept apart from
// top-level ones, a vendor's routes we call, test steps that call routes to check them,
// a route the document sets aside, "query:" under a REST route, and gRPC methods in prose.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { operationKey } from '../../lib/types.js';

const keys = (doc: string): string[] => extractScope(doc).operations.map(operationKey);

describe('an endpoint table headed in Spanish (Método | Endpoint | Descripción | Autorización)', () => {
  const doc = [
    '# Biblioteca',
    '',
    '## Endpoints de Libros',
    '',
    '| Método | Endpoint | Descripción | Autorización |',
    '|--------|----------|-------------|--------------|',
    '| GET | `/libros/` | Listar todos los libros | ADMIN |',
    '| PATCH | `/libros/{id}/estado/` | Activar o desactivar un libro | ADMIN |',
  ].join('\n');

  it('reads one operation per row, the description as its summary', () => {
    const ops = extractScope(doc).operations;
    expect(ops.map(operationKey)).toEqual(['GET /libros', 'PATCH /libros/{id}/estado']);
    expect(ops[0].summary).toBe('Listar todos los libros');
  });

  it('the Autorización column states who may call it', () => {
    const rule = extractScope(doc).authz.find((candidate) => candidate.operations.includes('PATCH /libros/{id}/estado'));
    expect(rule?.roles).toContain('ADMIN');
  });
});

describe('"(GET/POST/DELETE on /x)": a slash list of methods sums up routes stated elsewhere', () => {
  const doc = [
    '# Shelf roles',
    '',
    '## Requirements',
    '',
    '- FR-1: expose POST /labels that creates a label.',
    '- FR-2: expose GET /labels that lists labels.',
    '- FR-3: expose DELETE /labels/{id} that removes a label.',
    '- FR-4: expose GET /shelves/{shelfId}/labels that lists the labels of a shelf.',
    '- FR-5: expose DELETE /shelves/{shelfId}/labels/{labelId} that takes a label off a shelf.',
    '',
    '## Files',
    '',
    '| File | Responsibility |',
    '|------|----------------|',
    '| `LabelController.java` | REST controller for labels (POST/GET/PUT/DELETE on /labels) |',
    '| `ShelfController.java` | Shelf label endpoints (GET/POST/DELETE on /shelves/{id}/labels) |',
  ].join('\n');

  it('adds no route of its own and renames no parameter', () => {
    expect(keys(doc)).toEqual(['POST /labels', 'GET /labels', 'DELETE /labels/{id}', 'GET /shelves/{shelfId}/labels', 'DELETE /shelves/{shelfId}/labels/{labelId}']);
  });

  it('alone, it states only the pairs a route can have: no PUT or DELETE on a collection', () => {
    const alone = ['# Labels', '', '## API', '', '- REST controller for labels (GET/POST/PUT/DELETE on /labels)'].join('\n');
    expect(keys(alone)).toEqual(['GET /labels', 'POST /labels']);
  });
});

describe('a nested route is not the tail of a top-level one', () => {
  it('`DELETE /labels/{id}` stays beside `DELETE /shelves/{shelfId}/labels/{labelId}`', () => {
    const doc = ['# Labels', '', '## API', '', '- `DELETE /labels/{id}` removes a label', '- `DELETE /shelves/{shelfId}/labels/{labelId}` takes a label off a shelf'].join('\n');
    expect(keys(doc)).toEqual(['DELETE /labels/{id}', 'DELETE /shelves/{shelfId}/labels/{labelId}']);
  });

  it('a short note still folds into the route it shortens under a plain mount', () => {
    const doc = ['# Logs', '', '## API', '', '- `PATCH /api/v1/logs/retention` sets how long logs are kept', '', '## Notes', '', '- PATCH /retention takes `days`.'].join('\n');
    expect(keys(doc)).toEqual(['PATCH /api/v1/logs/retention']);
  });
});

describe("a vendor's route we call is not ours", () => {
  it('"(Acmepay: POST /v3/charges)" after "gateway-specific APIs" adds no operation and no /v3 base', () => {
    const doc = [
      '# Bills',
      '',
      '## API',
      '',
      '- `POST /bills` creates a bill.',
      '- `GET /bills/{id}` shows a bill.',
      '- Each bill gets a pay link from the gateway-specific APIs (Acmepay: POST /v3/charges, Paybee: POST /v3/links).',
    ].join('\n');
    expect(keys(doc)).toEqual(['POST /bills', 'GET /bills/{id}']);
  });

  it("\"calls Stripe's API `POST /v1/refunds`\" is an outbound call", () => {
    const doc = ['# Refunds', '', '## API', '', '- `POST /refunds` records a refund and calls Stripe\'s API `POST /v1/refunds`.'].join('\n');
    expect(keys(doc)).toEqual(['POST /refunds']);
  });

  it('"calls `POST /v1/payouts` on Stripe" is outbound; a call to our route that later charges via Stripe is ours', () => {
    const doc = ['# Payouts', '', '## API', '', '- `POST /payouts` queues a payout; the worker calls `POST /v1/payouts` on Stripe.', '- The frontend calls `POST /checkout`, which charges the card via Stripe.'].join('\n');
    expect(keys(doc)).toEqual(['POST /payouts', 'POST /checkout']);
  });

  it('"the Tasks API: `POST /tasks`" names our own API', () => {
    const doc = ['# Tasks', '', '## API', '', '- The Tasks API `POST /tasks` creates a task.'].join('\n');
    expect(keys(doc)).toEqual(['POST /tasks']);
  });
});

describe('a test step calls routes to check them; it adds none', () => {
  const doc = [
    '# Tags',
    '',
    '## API',
    '',
    '- `PUT /api/books/{id}/tags` replaces the tags of a book.',
    '- `GET /api/tags` lists tags.',
    '',
    '## Correctness Properties',
    '',
    '### Property 1: replace then read',
    '',
    'For any book and set of tags S, calling `PUT /api/books/{id}/tags` with S and then `GET /api/books/{id}` should return a book whose `tags` are exactly S.',
  ].join('\n');

  it('`GET /api/books/{id}`, named only by the property, is no operation', () => {
    expect(keys(doc)).toEqual(['PUT /api/books/{id}/tags', 'GET /api/tags']);
  });

  it('a test plan that lists the new routes still states them', () => {
    const plan = ['# Tags', '', '## API', '', '- `GET /api/tags` lists tags.', '', '## Testing Strategy', '', '- handler tests for the new routes:', '  - POST /api/tags/merge', '  - DELETE /api/tags/:id'].join('\n');
    expect(keys(plan)).toEqual(['GET /api/tags', 'POST /api/tags/merge', 'DELETE /api/tags/{id}']);
  });
});

describe('a route the document sets aside is not reported', () => {
  it('"Architecture specifies `A` (per item), Story uses `B` (batch)"', () => {
    const doc = [
      '# Columns',
      '',
      '## Tasks',
      '',
      '- Implement `PUT /api/v1/boards/sort` to reorder boards in one call.',
      '',
      '## Review notes',
      '',
      '- Sort path differs: Architecture specifies `PUT /api/v1/boards/{id}/sort` (per item), Story uses `PUT /api/v1/boards/sort` (batch).',
    ].join('\n');
    expect(keys(doc)).toEqual(['PUT /api/v1/boards/sort']);
  });

  it('"instead of `A`"', () => {
    const doc = ['# Columns', '', '## API', '', '- Reorder with `POST /boards/reorder` instead of `PATCH /boards/{id}/position`.'].join('\n');
    expect(keys(doc)).toEqual(['POST /boards/reorder']);
  });
});

describe('"query:" / "req:" under a REST route label its query string and body', () => {
  const doc = ['# Auth', '', '## Requests', '', '- `GET /confirm-email`', '  - query: `code`', '  - res: the account is confirmed', '- `POST /login`', '  - req: `email`, `password`'].join('\n');

  it('is no GraphQL query, and `code` is a query parameter of the route', () => {
    const ops = extractScope(doc).operations;
    expect(ops.map(operationKey)).toEqual(['GET /confirm-email', 'POST /login']);
    expect(ops[0].queryParams.map((field) => field.name)).toEqual(['code']);
  });

  it('"req:" lists the request fields', () => {
    expect(extractScope(doc).operations[1].requestFields.map((field) => field.name)).toEqual(['email', 'password']);
  });
});

describe('gRPC methods named in prose', () => {
  it('"implement unary `Send` RPC", "bidirectional `Stream` RPC"', () => {
    const doc = ['# Relay', '', '## Requirements', '', '- FR-001: implement unary `Send` RPC that stores a message.', '- FR-002: implement bidirectional `Stream` RPC carrying `StreamInit` and `Ack` messages.'].join('\n');
    const ops = extractScope(doc).operations;
    expect(ops.map((op) => `${op.kind} ${op.name}`)).toEqual(['grpc Send', 'grpc Stream']);
    expect(ops[1].list).toBe(true);
  });

  it('a PascalCase code span without the word RPC beside it is no method', () => {
    const doc = ['# Relay', '', '## Requirements', '', '- FR-001: the `Publisher` stores messages over gRPC.'].join('\n');
    expect(extractScope(doc).operations.filter((op) => op.kind === 'grpc')).toEqual([]);
  });
});

describe('routes written where prose and trees put them', () => {
  it('"the user POSTs to `/v1/x`" is the method used as a verb', () => {
    const doc = ['# Sessions', '', '## Scenarios', '', '1. **When** the user POSTs to `/v1/sessions`, **Then** a session starts.', '2. **When** a client GETs `/v1/sessions/{id}`, **Then** it sees it.', ''].join('\n');
    expect(keys(doc)).toEqual(['POST /v1/sessions', 'GET /v1/sessions/{id}']);
  });

  it('a comment beside a file in a plan\'s tree names the routes it serves; `a|b` and CRUD expand', () => {
    const doc = [
      '# Plan',
      '',
      '## Project Structure',
      '',
      '```text',
      'internal/handler/',
      '├── session.go      # POST /v1/session/open|close',
      '├── parcels.go      # GET /v1/parcels  GET /v1/parcels/{id}',
      '├── lockers.go      # CRUD /v1/lockers',
      '└── health.go       # liveness only, no route',
      '```',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(scope.operations.map(operationKey)).toEqual([
      'POST /v1/session/open',
      'POST /v1/session/close',
      'GET /v1/parcels',
      'GET /v1/parcels/{id}',
      'GET /v1/lockers',
      'POST /v1/lockers',
      'GET /v1/lockers/{id}',
      'PUT /v1/lockers/{id}',
      'DELETE /v1/lockers/{id}',
    ]);
    expect(scope.operations.find((op) => op.path === '/v1/parcels/{id}')?.line).toBe(8);
  });
});

describe('routes drawn as branches of a tree', () => {
  it('hang from the path the shallower line names', () => {
    const doc = [
      '# Design',
      '',
      '```',
      '┌──────────────────────────────┐',
      '│  api/lockers/                │',
      '│   ├── POST /rent/   → Rent   │',
      '│   └── GET  /mine/   → Mine   │',
      '└──────────────────────────────┘',
      '```',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(scope.operations.map(operationKey)).toEqual(['POST /api/lockers/rent', 'GET /api/lockers/mine']);
    expect(scope.operations[0].line).toBe(6);
  });
});

describe('a list the document opens as the app\'s existing routes', () => {
  it('names routes the app has; they are not planned, and a later list is read as usual', () => {
    const doc = [
      '# Triage',
      '',
      '## API',
      '',
      '- `GET /triage/results` -- list triage results',
      '',
      'Suggestions are handled through the existing review endpoints:',
      '',
      '- `GET /reviews?status=pending` -- list pending reviews',
      '- `POST /reviews/{review_id}/approve` -- approve one',
      '',
      'New in this sprint:',
      '',
      '- `POST /triage/runs` -- start a run',
      '',
    ].join('\n');
    expect(keys(doc)).toEqual(['GET /triage/results', 'POST /triage/runs']);
  });
});

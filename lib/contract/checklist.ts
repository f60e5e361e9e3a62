// The contract review checklist, derived from the planned operations. Each
// item carries `facts` (machine-readable) so templates can phrase it in any
// language; `decision` is the English phrasing of the same facts.

import type { ApiStyle } from '../types.js';
import { carriesScopes, IDEMPOTENCY_RETENTION_HOURS, PAGE_SIZE, pageSizeOf } from './catalog.js';
import type { ContractPlan, PlannedOperation } from './model.js';
import { scopesOf } from './model.js';
import { errorShape, errorStatuses } from './openapi.js';
import { API_STYLES } from '../knowledge/index.js';

export type ChecklistTopic = 'versioning' | 'pagination' | 'filtering' | 'errors' | 'idempotency' | 'rateLimits' | 'cors' | 'authScopes';

export const CHECKLIST_TOPICS: readonly ChecklistTopic[] = ['versioning', 'pagination', 'filtering', 'errors', 'idempotency', 'rateLimits', 'cors', 'authScopes'];

export interface ChecklistItem {
  topic: ChecklistTopic;
  /** English sentence(s) stating the decision for this sprint. */
  decision: string;
  /** Operation keys the decision applies to. */
  applies: string[];
  /** Where the rule comes from (`AIP-158`, `RFC 9457`). */
  rule: string;
  /** The same decision as data, for templates in other languages. */
  facts: Record<string, unknown>;
}

const list = (items: string[]): string => (items.length === 0 ? 'none' : items.map((item) => `\`${item}\``).join(', '));

/** Per-style conventions the checklist states. Data, one entry per API style. */
interface StyleConventions {
  versionRule: string;
  pagination: { params: string[]; response: string[]; rule: string };
  errors: { format: string; rule: string };
  idempotency: { carrier: string; rule: string };
  rateLimit: { signal: string; headers: string[]; rule: string };
}

const STYLE_CONVENTIONS: Record<ApiStyle, StyleConventions> = {
  rest: {
    versionRule: 'AIP-185; Zalando 114-116',
    pagination: { params: ['limit', 'cursor'], response: ['items', 'next_cursor'], rule: 'AIP-158; Zalando 159, 160' },
    errors: { format: 'application/problem+json', rule: 'RFC 9457; AIP-193; Zalando 176' },
    idempotency: { carrier: 'Idempotency-Key header', rule: 'draft-ietf-httpapi-idempotency-key-header; Zalando 230' },
    rateLimit: { signal: '429 Too Many Requests', headers: ['Retry-After', 'RateLimit', 'RateLimit-Policy'], rule: 'draft-ietf-httpapi-ratelimit-headers; Zalando 153' },
  },
  graphql: {
    versionRule: 'GraphQL schema evolution (deprecate, do not version)',
    pagination: { params: ['first', 'after'], response: ['edges', 'pageInfo'], rule: 'Relay Cursor Connections' },
    errors: { format: 'payload userErrors { code, message, field } plus GraphQL errors with extensions.code', rule: 'GraphQL spec §7.1.2; AIP-193 (stable codes)' },
    idempotency: { carrier: 'idempotencyKey input field', rule: 'draft-ietf-httpapi-idempotency-key-header; AIP-155' },
    rateLimit: { signal: 'HTTP 429 on the GraphQL endpoint', headers: ['Retry-After', 'RateLimit', 'RateLimit-Policy'], rule: 'draft-ietf-httpapi-ratelimit-headers' },
  },
  grpc: {
    versionRule: 'AIP-185 (major version in the package)',
    pagination: { params: ['page_size', 'page_token'], response: ['next_page_token'], rule: 'AIP-158' },
    errors: { format: 'google.rpc.Status with ErrorInfo.reason', rule: 'AIP-193' },
    idempotency: { carrier: 'request_id field', rule: 'AIP-155' },
    rateLimit: { signal: 'RESOURCE_EXHAUSTED with RetryInfo', headers: [], rule: 'AIP-193' },
  },
  trpc: {
    versionRule: 'AIP-185 (breaking-change rules); tRPC shares types with clients',
    pagination: { params: ['limit', 'cursor'], response: ['items', 'nextCursor'], rule: 'AIP-158' },
    errors: { format: 'TRPCError codes with a stable cause code', rule: 'AIP-193 (stable codes)' },
    idempotency: { carrier: 'idempotencyKey input field', rule: 'draft-ietf-httpapi-idempotency-key-header' },
    rateLimit: { signal: 'TRPCError TOO_MANY_REQUESTS (HTTP 429)', headers: ['Retry-After'], rule: 'draft-ietf-httpapi-ratelimit-headers' },
  },
};

export function buildChecklist(plan: ContractPlan, style: ApiStyle, contractOps: PlannedOperation[], options: { packageName?: string } = {}): ChecklistItem[] {
  const conventions = STYLE_CONVENTIONS[style];
  // Statuses in the style's own words (400 / INVALID_ARGUMENT), from the knowledge's vocabulary.
  const protocol = API_STYLES.find((entry) => entry.id === style)!.protocol;
  const status = protocol.status;
  const ops = contractOps;
  const allKeys = ops.map((op) => op.key);
  const items: ChecklistItem[] = [];

  // Versioning
  const prefixed = ops.filter((op) => op.versionPrefix);
  const versionPrefix = plan.versionPrefix ?? 'none';
  const versionFacts: Record<string, unknown> = { versionPrefix, prefixes: plan.versionPrefixes, unversioned: ops.filter((op) => op.path && !op.versionPrefix).map((op) => op.key) };
  let versionDecision: string;
  if (style === 'grpc') {
    versionFacts.package = options.packageName;
    versionDecision = `Major version in the proto package \`${options.packageName}\`; no breaking change inside it (no removed or renumbered field, no new required field).`;
  } else if (style === 'rest') {
    versionFacts.infoVersion = '1.0.0';
    versionDecision = versionPrefix === 'none'
      ? 'No version prefix in the paths; decide on one before the first release (AIP-185 puts the major version in the path).'
      : `Major version in the path (\`/${versionPrefix}\`); no breaking change inside ${versionPrefix} (no removed or retyped field, no new required request field); info.version is semver (1.0.0).`;
  } else {
    versionDecision = style === 'graphql'
      ? 'One evolving schema: add fields, mark old ones @deprecated; never remove or retype a field clients use.'
      : 'Router types are shared with clients; no removed or retyped input field, no new required input field.';
  }
  items.push({ topic: 'versioning', decision: versionDecision, applies: style === 'rest' ? prefixed.map((op) => op.key) : allKeys, rule: conventions.versionRule, facts: versionFacts });

  // Pagination
  const lists = ops.filter((op) => op.paginated).map((op) => op.key);
  const ownPaging = ops.filter((op) => op.paginated && op.statedPaging);
  const defaultLists = ops.filter((op) => op.paginated && !op.statedPaging).map((op) => op.key);
  // A maximum the spec states for a list ("at most 50 per page") replaces the catalog's for that list.
  const ownSizes = ops.filter((op) => op.paginated && !op.statedPaging && op.pageSizeMax);
  const sizeNote = ownSizes.map((op) => `; \`${op.key}\` at most ${pageSizeOf(op).max} per page, default ${pageSizeOf(op).default}, as the spec states`).join('');
  const pagingOf = (op: PlannedOperation): string => op.statedPaging!.map((name) => `\`${name}\``).join(', ');
  const repoPaged = ownPaging.filter((op) => op.pagingFrom);
  const ownDecision = [
    ...ownPaging.filter((op) => !op.pagingFrom).map((op) => `${op.key} keeps the spec's own paging (${pagingOf(op)})`),
    ...(repoPaged.length ? [`${list(repoPaged.map((op) => op.key))} page${repoPaged.length === 1 ? 's' : ''} as the repository's handlers already do (${pagingOf(repoPaged[0])}, \`${repoPaged[0].pagingFrom}\`)`] : []),
  ].join('; ');
  // The page is wrapped as the repository's own list responses are (openapi.ts does the same for offset and page lists).
  const envelopeNote = plan.listEnvelope && ownPaging.some((op) => !op.statedPaging!.some((name) => /cursor|token|after/i.test(name)))
    ? `, each page as \`${plan.listEnvelope.items}\` with the whole list's \`${plan.listEnvelope.total}\`, like the repository's list responses (\`${plan.listEnvelope.from}\`)`
    : '';
  items.push({
    topic: 'pagination',
    decision: lists.length === 0
      ? 'No operation returns a collection in this sprint.'
      : defaultLists.length === 0
      ? `${ownDecision}${envelopeNote}.`
      : `${ownDecision ? `${ownDecision}; ` : ''}${list(defaultLists)} ${defaultLists.length === 1 ? 'is' : 'are'} paginated with ${conventions.pagination.params.map((p) => `\`${p}\``).join(' and ')} (default ${PAGE_SIZE.default}, maximum ${PAGE_SIZE.max}${sizeNote}; larger values are clamped), returning ${conventions.pagination.response.map((p) => `\`${p}\``).join(' and ')}; cursors are opaque and the last page has no next cursor; no total counts.`,
    applies: lists,
    rule: conventions.pagination.rule,
    facts: { lists, params: conventions.pagination.params, response: conventions.pagination.response, defaultLimit: PAGE_SIZE.default, maxLimit: PAGE_SIZE.max, ...(ownSizes.length ? { pageSizes: Object.fromEntries(ownSizes.map((op) => [op.key, pageSizeOf(op)])) } : {}) },
  });

  // Filtering
  const filterNames = (op: PlannedOperation): string[] => op.filters.map((field) => field.name).filter((name) => !op.statedPaging?.includes(name));
  const filters = Object.fromEntries(ops.filter((op) => filterNames(op).length > 0).map((op) => [op.key, filterNames(op)]));
  const filtered = Object.keys(filters);
  const listsWithoutFilters = lists.filter((key) => !filtered.includes(key));
  const filterParts = filtered.map((key) => `${key} filters by ${list(filters[key] as string[])}`);
  if (listsWithoutFilters.length > 0) filterParts.push(`${list(listsWithoutFilters)} take${listsWithoutFilters.length === 1 ? 's' : ''} no filters`);
  items.push({
    topic: 'filtering',
    decision: filterParts.length === 0
      ? 'No operation takes filters.'
      : `${filterParts.join('; ')}. Unknown parameters are rejected with ${status.invalid}; filters and sort must not change between pages.`,
    applies: [...new Set([...filtered, ...lists])],
    rule: 'Zalando 137; AIP-160',
    facts: { filters, unfiltered: listsWithoutFilters, unknownParameter: status.invalid },
  });

  // Errors
  const statuses = Object.fromEntries(ops.map((op) => [op.key, errorStatuses(op)]));
  const perOperation = ops.map((op) => `${op.key} → ${errorStatuses(op).join('/')}`).join('; ');
  const errors = errorShape(plan);
  const own = style === 'rest' ? errors.own : undefined;
  const problemFrom = style === 'rest' && plan.errorBody?.kind === 'problem' ? plan.errorBody.from : undefined;
  items.push({
    topic: 'errors',
    decision: own
      ? `Every error keeps the app's own body, ${errors.mediaType} (shared \`${errors.schema}\` schema: ${own.fields.map((field) => field.name).join(', ')}, ${own.framework ? `as ${own.framework} writes it when a handler throws, \`${own.from}\`` : `as \`${own.from}\` writes it`}) via shared responses; statuses per operation: ${perOperation}.`
      : style === 'rest'
        ? `Every error is ${conventions.errors.format} (shared \`${errors.schema}\` schema: type, title, status, detail, instance, code${problemFrom ? `; the app already answers so, \`${problemFrom}\`` : ''}) via shared responses; statuses per operation: ${perOperation}.`
        : `Errors as ${conventions.errors.format}; never a stack trace.`,
    applies: allKeys,
    rule: own ? 'repository convention' : conventions.errors.rule,
    facts: own
      ? { format: errors.mediaType, schema: errors.schema, fields: own.fields.map((field) => field.name), from: own.from, ...(own.framework ? { framework: own.framework } : {}), statuses }
      : { format: conventions.errors.format, ...(style === 'rest' ? { schema: errors.schema, statuses, ...(problemFrom ? { from: problemFrom } : {}) } : {}) },
  });

  // Idempotency
  const keyed = ops.filter((op) => op.idempotent).map((op) => op.key);
  // Idempotent by HTTP method only where calls are HTTP requests with their own method.
  const naturallyIdempotent = protocol.family === 'grpc' ? [] : ops.filter((op) => op.mutating && (op.method === 'PUT' || op.method === 'DELETE')).map((op) => op.key);
  // A retry-safe create the table makes unique over what the request carries (or the id the client chose) finds its repeat by that key.
  const uniqueKeyed = ops.filter((op) => op.mutating && !op.idempotent && op.source.retrySafe && op.source.naturalKey && !naturallyIdempotent.includes(op.key) && op.role !== 'webhook');
  const unkeyed = ops.filter((op) => op.mutating && !op.idempotent && !uniqueKeyed.includes(op) && !naturallyIdempotent.includes(op.key) && op.role !== 'webhook').map((op) => op.key);
  const webhooks = plan.operations.filter((op) => op.role === 'webhook').map((op) => op.key);
  const idemParts: string[] = [];
  if (keyed.length > 0) idemParts.push(`${list(keyed)} accept${keyed.length === 1 ? 's' : ''} the ${conventions.idempotency.carrier}: missing → ${status.invalid}, same key with a different ${protocol.family === 'http' ? 'body' : 'request'} → ${status.keyMismatch}, same key still in flight → ${status.inFlight}, a retry replays the stored response for ${IDEMPOTENCY_RETENTION_HOURS} h; keys are scoped per caller`);
  if (naturallyIdempotent.length > 0) idemParts.push(`${list(naturallyIdempotent)} ${naturallyIdempotent.length === 1 ? 'is' : 'are'} idempotent by method`);
  for (const op of uniqueKeyed) idemParts.push(`a repeated ${list([op.key])} finds the row it made by its unique key (${op.source.naturalKey!.columns.map((column) => `\`${column}\``).join(', ')}) and returns it`);
  if (unkeyed.length > 0) idemParts.push(`${list(unkeyed)} ${unkeyed.length === 1 ? 'is' : 'are'} not retry-safe by the spec`);
  if (webhooks.length > 0) idemParts.push(`${list(webhooks)} deduplicate${webhooks.length === 1 ? 's' : ''} by the sender's event id`);
  items.push({
    topic: 'idempotency',
    decision: idemParts.length === 0 ? 'No mutating operation in this sprint.' : `${idemParts.join('; ')}.`,
    applies: [...keyed, ...uniqueKeyed.map((op) => op.key), ...naturallyIdempotent, ...webhooks],
    rule: conventions.idempotency.rule,
    facts: { carrier: conventions.idempotency.carrier, keyed, ...(uniqueKeyed.length ? { uniqueKey: uniqueKeyed.map((op) => op.key) } : {}), naturallyIdempotent, notRetrySafe: unkeyed, webhooks, retentionHours: IDEMPOTENCY_RETENTION_HOURS, missing: status.invalid, mismatch: status.keyMismatch, inFlight: status.inFlight },
  });

  // Rate limits
  items.push({
    topic: 'rateLimits',
    decision: `Every operation documents ${conventions.rateLimit.signal}${conventions.rateLimit.headers.length > 0 ? ` with ${conventions.rateLimit.headers.map((h) => `\`${h}\``).join(', ')}` : ''}${own ? '' : '; the problem type names the violated policy'}.`,
    applies: allKeys,
    rule: conventions.rateLimit.rule,
    facts: { signal: conventions.rateLimit.signal, headers: conventions.rateLimit.headers, ...(own ? { ownErrorBody: true } : {}) },
  });

  // CORS
  // A public read (a share link) is called from browsers; only vendor callbacks are server to server.
  const browser = ops.filter((op) => op.role !== 'webhook').map((op) => op.key);
  const serverToServer = plan.operations.filter((op) => op.role === 'webhook').map((op) => op.key);
  const credentials = plan.authSchemes.some((entry) => entry.credentials);
  const allowHeaders = ['Content-Type', ...(plan.authSchemes.some((entry) => !entry.credentials) ? ['Authorization'] : []), ...(keyed.length > 0 && style === 'rest' ? ['Idempotency-Key'] : [])];
  const exposeHeaders = [
    ...(ops.some((op) => op.role === 'create') && style === 'rest' ? ['Location'] : []),
    'Retry-After', 'RateLimit', 'RateLimit-Policy', 'X-Request-Id',
  ];
  items.push({
    topic: 'cors',
    decision: style === 'grpc'
      ? 'Native gRPC is not called from browsers; a grpc-web proxy, if any, applies the same allow-list.'
      : `Browser-callable: ${list(browser)}; preflight OPTIONS answers 200 without further processing; Access-Control-Allow-Origin echoes an allow-listed origin${credentials ? ' (credentials: never `*`)' : ''}; allow ${allowHeaders.join(', ')}; expose ${exposeHeaders.join(', ')}.${serverToServer.length > 0 ? ` No CORS on server-to-server calls (${list(serverToServer)}).` : ''}`,
    applies: browser,
    rule: 'Microsoft REST API guidelines (CORS)',
    facts: { browser, serverToServer, credentials, allowHeaders, exposeHeaders },
  });

  // Auth scopes
  // Scopes travel in a token; where every scheme is a session cookie, an operation needs the session (and its roles).
  const scoped = plan.authSchemes.some(carriesScopes);
  const scopes = scoped ? Object.fromEntries(ops.filter((op) => op.scope).map((op) => [op.key, [op.scope!]])) : {};
  const roles = Object.fromEntries(ops.filter((op) => op.roles.length > 0).map((op) => [op.key, op.roles]));
  const publicOps = Object.fromEntries(plan.operations.filter((op) => op.public).map((op) => [op.key, op.publicReason ?? '']));
  const scopeParts = ops.filter((op) => op.scope).map((op) => `${op.key} → ${scoped ? `\`${op.scope}\`` : 'a signed-in session'}${op.roles.length > 0 ? ` (roles ${op.roles.join(', ')})` : ''}${op.ownership ? ` (${op.ownership})` : ''}`);
  // Only a public change needs a verification; a public read is public by design.
  const publicParts = plan.operations
    .filter((op) => op.public)
    .map((op) => `${op.key} is public${op.publicReason ? `, verified by ${op.publicReason}` : op.mutating ? ' — NO verification stated' : ''}`);
  items.push({
    topic: 'authScopes',
    decision: `${[...scopeParts, ...publicParts].join('; ')}. ${protocol.family === 'grpc' ? `Credentials: ${protocol.credential.carrier} or the ${protocol.credential.peer}` : `Schemes: ${plan.authSchemes.map((entry) => entry.schemeName).join(', ')}`}. Authorization is checked before validation; a denied caller gets ${status.denied} without learning whether the resource exists.`,
    applies: [...ops.map((op) => op.key), ...plan.operations.filter((op) => op.public && !ops.includes(op)).map((op) => op.key)],
    rule: 'Zalando 104, 105, 225; AIP-211',
    facts: { schemes: plan.authSchemes.map((entry) => entry.schemeName), scopes, allScopes: scoped ? scopesOf(plan) : [], roles, public: publicOps, denied: status.denied, ...(protocol.family === 'grpc' ? { credential: protocol.credential.carrier, peer: protocol.credential.peer } : {}) },
  });

  return items;
}

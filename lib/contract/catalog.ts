// What the contract stage looks up instead of branching on names: security
// schemes per auth name, column types, page sizes. Webhook vendors are
// lib/knowledge's (one table for the plan and the contract).

import type { FieldType } from '../types.js';
import { VENDORS } from '../knowledge/index.js';

export interface AuthSchemeEntry {
  /** Detected auth values (lowercase) that map to this scheme. */
  ids: string[];
  /** Key under `components.securitySchemes`. */
  schemeName: string;
  /** The OpenAPI Security Scheme Object. */
  scheme: Record<string, unknown>;
  /** Where the scheme needs a value nobody stated (cookie name, issuer URL). */
  question?: string;
  /** Browser calls carry credentials (cookies): CORS must not answer `*`. */
  credentials: boolean;
  /** Scopes are declared inside the scheme (oauth2 flows). */
  declaresScopes?: boolean;
}

export const AUTH_SCHEMES: readonly AuthSchemeEntry[] = [
  {
    ids: ['jwt', 'bearer', 'passport-jwt', 'jsonwebtoken', 'jose', 'simplejwt', 'djangorestframework-simplejwt', 'devise-jwt', 'golang-jwt', 'clerk'],
    schemeName: 'bearerAuth',
    scheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    credentials: false,
  },
  {
    ids: ['session', 'cookie', 'express-session', 'passport-local', 'next-auth', 'authjs', 'lucia', 'iron-session', 'devise', 'django-auth', 'flask-login', 'gorilla-sessions'],
    schemeName: 'cookieAuth',
    scheme: { type: 'apiKey', in: 'cookie', name: 'session' },
    question: 'The session cookie name is not stated; the contract calls it `session`. What is it called?',
    credentials: true,
  },
  {
    ids: ['oauth', 'oauth2', 'passport-oauth2', 'authlib', 'doorkeeper', 'oauth2-proxy'],
    schemeName: 'oauth2',
    scheme: {
      type: 'oauth2',
      flows: { authorizationCode: { authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token', scopes: {} } },
    },
    question: 'The OAuth 2.0 authorization and token URLs are not stated; the contract uses `/oauth/authorize` and `/oauth/token`. What are they?',
    credentials: false,
    declaresScopes: true,
  },
  {
    ids: ['oidc', 'openid', 'openid-connect', 'openidconnect', 'auth0', 'keycloak', 'cognito', 'okta', 'zitadel'],
    schemeName: 'openIdConnect',
    scheme: { type: 'openIdConnect', openIdConnectUrl: '/.well-known/openid-configuration' },
    question: 'The OpenID Connect discovery URL is not stated; the contract uses `/.well-known/openid-configuration`. What is the issuer?',
    credentials: false,
  },
  {
    ids: ['api-key', 'apikey', 'api_key'],
    schemeName: 'apiKeyAuth',
    scheme: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    question: 'The API key header name is not stated; the contract uses `X-API-Key`. Which header carries it?',
    credentials: false,
  },
  {
    ids: ['basic', 'http-basic'],
    schemeName: 'basicAuth',
    scheme: { type: 'http', scheme: 'basic' },
    credentials: false,
  },
];

/** Used when no auth was detected: a bearer token, and a question about it. */
export const FALLBACK_AUTH: AuthSchemeEntry = {
  ids: [],
  schemeName: 'bearerAuth',
  scheme: { type: 'http', scheme: 'bearer' },
  question: 'No authentication was detected in the repository; the contract assumes a bearer token. How do callers authenticate?',
  credentials: false,
};

/** The same question for a proto contract, which declares no security scheme. */
export const FALLBACK_AUTH_RPC_QUESTION = 'No authentication was detected in the repository. How do callers prove who they are: a token in the `authorization` metadata, or their mTLS peer certificate?';

export interface WebhookVendor {
  /** Lowercase vendor name as it appears in a path segment or integration name. */
  id: string;
  displayName: string;
  /** Header carrying the request signature. */
  signatureHeader: string;
}

/** The vendors lib/knowledge knows a signature header for. */
export const WEBHOOK_VENDORS: readonly WebhookVendor[] = Object.entries(VENDORS).flatMap(([id, vendor]) =>
  vendor.signatureHeader ? [{ id, displayName: vendor.label, signatureHeader: vendor.signatureHeader }] : [],
);

export interface ColumnTypeEntry {
  /** Lowercase SQL/ORM type names, compared without size arguments (`varchar(255)` → `varchar`). */
  names: string[];
  type: FieldType;
  format?: string;
}

export const COLUMN_TYPES: readonly ColumnTypeEntry[] = [
  { names: ['int', 'integer', 'int4', 'int8', 'bigint', 'smallint', 'serial', 'bigserial', 'int32', 'int64'], type: 'integer' },
  { names: ['numeric', 'decimal', 'real', 'double', 'double precision', 'float', 'float4', 'float8', 'money'], type: 'number' },
  { names: ['text', 'varchar', 'character varying', 'char', 'character', 'string', 'citext'], type: 'string' },
  { names: ['uuid'], type: 'string', format: 'uuid' },
  { names: ['boolean', 'bool'], type: 'boolean' },
  { names: ['timestamp', 'timestamptz', 'timestamp with time zone', 'datetime', 'datetime2'], type: 'string', format: 'date-time' },
  { names: ['date'], type: 'string', format: 'date' },
  { names: ['json', 'jsonb'], type: 'object' },
  { names: ['email'], type: 'string', format: 'email' },
];

export function columnType(raw: string | undefined): ColumnTypeEntry | undefined {
  if (!raw) return undefined;
  const name = raw.toLowerCase().replace(/\(.*\)/, '').trim();
  return COLUMN_TYPES.find((entry) => entry.names.includes(name));
}

/** Page size every list uses unless the spec says otherwise (AIP-158: documented default and maximum). */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** A list's page size: the maximum the spec states (the default never above it), else the catalog's. */
export function pageSizeOf(op: { pageSizeMax?: number }): { default: number; max: number } {
  return op.pageSizeMax ? { default: Math.min(PAGE_SIZE.default, op.pageSizeMax), max: op.pageSizeMax } : { default: PAGE_SIZE.default, max: PAGE_SIZE.max };
}

/** How long a stored idempotent response is replayed (the draft's common choice). */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

/** Whether a scheme's credential carries OAuth-style scopes (a bearer token does; a session cookie does not). */
export function carriesScopes(entry: Pick<AuthSchemeEntry, 'scheme'>): boolean {
  return !(entry.scheme.type === 'apiKey' && entry.scheme.in === 'cookie');
}

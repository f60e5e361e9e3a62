// The contract stage: Scope (+ detected stack) → one contract artifact in the
// chosen API style, validated, with its placement, an excerpt for SPEC.md,
// the review checklist, warnings and open questions. Pure: writes nothing.

import { Document, isScalar, visit } from 'yaml';
import { YAML_OPTIONS, stringifyYaml } from './yaml-emit.js';
import type { ApiStyle, ContractArtifact, ContractExpectations, OpenQuestion, Problem, Scope, ServiceStack, Warning } from '../types.js';
import { cite } from '../types.js';
import { FALLBACK_AUTH, FALLBACK_AUTH_RPC_QUESTION } from './catalog.js';
import { buildChecklist, type ChecklistItem } from './checklist.js';
import { buildSdl, validateSdl } from './graphql.js';
import { mergeOpenApi } from './merge.js';
import { planContract, type ContractPlan, type PlannedOperation } from './model.js';
import { slug } from './naming.js';
import { buildOpenApiDocument, errorShape, PROBLEM_MEDIA_TYPE, requestSchemaName } from './openapi.js';
import { lintOpenApi } from './openapi-lint.js';
import { openApiErrorBody } from '../stack/error-body.js';
import { buildProto, protoPackage, rpcMethodName, validateProto } from './proto.js';
import { buildTrpc, validateTrpc } from './trpc.js';

export type { ChecklistItem, ChecklistTopic } from './checklist.js';
export { CHECKLIST_TOPICS } from './checklist.js';

export interface ContractOptions {
  apiStyle: ApiStyle;
  /** Sprint title. */
  title: string;
  /** For `<service>.proto` and the tRPC router name. */
  serviceName?: string;
  /** Detected auth → security schemes. */
  stack?: ServiceStack;
  location: 'auto' | 'inline' | 'file';
  /** `--openapi`: merge into this file. */
  existingOpenApi?: { path: string; text: string };
}

export interface ContractResult {
  artifact: ContractArtifact;
  placement: 'inline' | 'file';
  /** The whole contract when inline; one operation and its key schema when in a file. */
  excerpt: string;
  warnings: Warning[];
  questions: OpenQuestion[];
  checklist: ChecklistItem[];
  /** Operation key → rpc name, when the contract is a proto (the rest of the section names operations as the contract does). */
  operationNames?: Record<string, string>;
}

/** Inline when the contract is at most this big (issue: about five operations / 80 lines). */
export const INLINE_LIMITS = { operations: 5, lines: 80 } as const;


export async function buildContract(scope: Scope, options: ContractOptions): Promise<ContractResult> {
  const { result, validation } = draftContract(scope, options);
  result.artifact.problems = await validation;
  return result;
}

/**
 * The contract and its validation as a promise, so a caller can do other work
 * while the linter runs; nothing may be written before `validation` settles without errors.
 */
export function draftContract(scope: Scope, options: ContractOptions): { result: ContractResult; validation: Promise<Problem[]> } {
  const plan = planContract(scope, options.stack);
  // The document merged into says how its errors travel; new operations answer the same way.
  const merged = options.existingOpenApi && options.apiStyle === 'rest' ? openApiErrorBody(options.existingOpenApi.text, options.existingOpenApi.path) : undefined;
  if (merged) {
    const { evidence, ...body } = merged.body;
    plan.errorBody = { ...body, from: cite(evidence[0]), ...(merged.schema ? { schema: merged.schema } : {}) };
  }
  // A proto has no security scheme to assume: the fallback question asks in the RPC's terms.
  const questions: OpenQuestion[] = plan.questions.map((question) =>
    options.apiStyle === 'grpc' && question.text === FALLBACK_AUTH.question ? { ...question, text: FALLBACK_AUTH_RPC_QUESTION } : question);
  const warnings: Warning[] = [];
  const serviceName = options.serviceName ?? (slug(options.title) || 'app');

  const built = API_STYLE_CONTRACTS[options.apiStyle].build(plan, options, { serviceName, warnings, questions });

  const validation = validateContract(built.artifact);
  const placement = options.existingOpenApi && options.apiStyle === 'rest' ? 'file' : choosePlacement(built.artifact, options.location);
  const checklist = buildChecklist(plan, options.apiStyle, built.contractOps, { packageName: protoPackage(serviceName, plan.versionPrefix) });
  const result: ContractResult = {
    artifact: built.artifact,
    placement,
    excerpt: placement === 'inline' ? built.artifact.text : built.excerpt,
    warnings,
    questions: questions.sort((a, b) => b.weight - a.weight),
    checklist,
    ...(options.apiStyle === 'grpc' ? { operationNames: Object.fromEntries(built.contractOps.map((op) => [op.key, rpcMethodName(op)])) } : {}),
  };
  return { result, validation };
}

export async function validateContract(artifact: ContractArtifact): Promise<Problem[]> {
  const style = Object.values(API_STYLE_CONTRACTS).find((candidate) => candidate.kind === artifact.kind)!;
  return style.validate(artifact);
}

interface BuiltContract {
  artifact: ContractArtifact;
  excerpt: string;
  /** The operations the contract holds (webhooks stay plain routes outside a GraphQL/proto/tRPC contract). */
  contractOps: PlannedOperation[];
}

interface BuildContext {
  serviceName: string;
  warnings: Warning[];
  questions: OpenQuestion[];
}

/** What a generated GraphQL schema, proto file or tRPC router gives back. */
interface GeneratedText {
  text: string;
  skipped: PlannedOperation[];
  excerptOf(op: PlannedOperation): string;
}

/** One entry per API style: the artifact it produces, how it is built from the plan and how it is validated. */
const API_STYLE_CONTRACTS: Record<ApiStyle, {
  kind: ContractArtifact['kind'];
  build(plan: ContractPlan, options: ContractOptions, context: BuildContext): BuiltContract;
  validate(artifact: ContractArtifact): Problem[] | Promise<Problem[]>;
}> = {
  rest: {
    kind: 'openapi',
    build: (plan, options, { warnings, questions }) => buildRest(plan, options, warnings, questions),
    validate: (artifact) => lintOpenApi(artifact.text, artifact.expectations, artifact.fileName),
  },
  graphql: {
    kind: 'graphql',
    build: (plan, _options, { questions }) => fromGenerated(buildSdl(plan), plan, questions, 'GraphQL schema', { kind: 'graphql', fileName: 'schema.graphql', fence: 'graphql' }),
    validate: (artifact) => validateSdl(artifact.text),
  },
  grpc: {
    kind: 'proto',
    build: (plan, _options, { serviceName, questions }) =>
      fromGenerated(buildProto(plan, serviceName), plan, questions, 'proto service', { kind: 'proto', fileName: `${slug(serviceName)}.proto`, fence: 'protobuf' }),
    validate: (artifact) => validateProto(artifact.text),
  },
  trpc: {
    kind: 'trpc',
    build: (plan, _options, { serviceName, questions }) =>
      fromGenerated(buildTrpc(plan, serviceName), plan, questions, 'tRPC router', { kind: 'trpc', fileName: `${slug(serviceName)}.router.ts`, fence: 'ts' }),
    validate: (artifact) => validateTrpc(artifact.text),
  },
};

function fromGenerated(
  generated: GeneratedText,
  plan: ContractPlan,
  questions: OpenQuestion[],
  where: string,
  artifact: Pick<ContractArtifact, 'kind' | 'fileName' | 'fence'>,
): BuiltContract {
  noteSkipped(generated.skipped, where, questions);
  const contractOps = plan.operations.filter((op) => !generated.skipped.includes(op));
  const focus = excerptOp(contractOps);
  return {
    artifact: { ...artifact, text: generated.text, operationCount: contractOps.length, problems: [] },
    excerpt: focus ? generated.excerptOf(focus) : generated.text,
    contractOps,
  };
}

export function choosePlacement(artifact: Pick<ContractArtifact, 'text' | 'operationCount'>, location: ContractOptions['location']): 'inline' | 'file' {
  if (location !== 'auto') return location;
  const lines = artifact.text.split('\n').filter((line, index, all) => index < all.length - 1 || line !== '').length;
  return artifact.operationCount <= INLINE_LIMITS.operations && lines <= INLINE_LIMITS.lines ? 'inline' : 'file';
}

/** The operation an excerpt shows: the first retry-safe one with a body, else the first mutating one, else the first. */
function excerptOp(ops: PlannedOperation[]): PlannedOperation | undefined {
  return ops.find((op) => op.idempotent && op.requestFields.length > 0)
    ?? ops.find((op) => op.mutating && op.role !== 'webhook')
    ?? ops[0];
}

function noteSkipped(skipped: PlannedOperation[], where: string, questions: OpenQuestion[]): void {
  if (skipped.length === 0) return;
  questions.push({
    text: `${skipped.map((op) => op.key).join(', ')} ${skipped.length === 1 ? 'is a webhook' : 'are webhooks'} from a third party and stay${skipped.length === 1 ? 's' : ''} a plain HTTP route outside the ${where}. Confirm the route and its signature check.`,
    weight: 3,
    source: 'contract',
  });
}

function expectationsOf(ops: PlannedOperation[], plan: ContractPlan): ContractExpectations {
  const { mediaType } = errorShape(plan);
  return {
    retrySafe: ops.filter((op) => op.idempotent && op.path).map((op) => op.key),
    lists: ops.filter((op) => op.paginated && !op.statedPaging && op.path).map((op) => op.key),
    ...(mediaType !== PROBLEM_MEDIA_TYPE ? { errorMediaType: mediaType } : {}),
  };
}

function buildRest(plan: ContractPlan, options: ContractOptions, warnings: Warning[], questions: OpenQuestion[]) {
  const restOps = plan.operations.filter((op) => op.path && op.method);
  const missing = plan.operations.filter((op) => !op.path);
  if (missing.length > 0) {
    questions.push({ text: `${missing.map((op) => op.name).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no HTTP method and path; ${missing.length === 1 ? 'it is' : 'they are'} left out of the OpenAPI document. Which route${missing.length === 1 ? '' : 's'}?`, weight: 4, source: 'contract' });
  }
  const document = buildOpenApiDocument(plan, options.title);
  const generatedText = stringifyYaml(document);
  const focus = excerptOp(restOps);
  const excerpt = focus ? openApiExcerpt(document, focus) : generatedText;

  if (options.existingOpenApi) {
    const merged = mergeOpenApi(options.existingOpenApi, document);
    warnings.push(...merged.warnings);
    questions.push(...merged.questions);
    const added = new Set(merged.addedOperations);
    const expectations = expectationsOf(restOps.filter((op) => added.has(op.key)), plan);
    expectations.owned = merged.owned;
    return {
      artifact: {
        kind: 'openapi' as const,
        fileName: options.existingOpenApi.path,
        text: merged.text,
        document: merged.document,
        fence: 'yaml',
        operationCount: restOps.length,
        problems: [],
        expectations,
      },
      excerpt,
      contractOps: restOps,
    };
  }
  return {
    artifact: {
      kind: 'openapi' as const,
      fileName: 'openapi.yaml',
      text: generatedText,
      document,
      fence: 'yaml',
      operationCount: restOps.length,
      problems: [],
      expectations: expectationsOf(restOps, plan),
    },
    excerpt,
    contractOps: restOps,
  };
}

/**
 * One operation and the schema of its body (or result), as a small YAML document: what a reviewer
 * reads in SPEC.md. Prose, tags and headers stay in the file; shared error responses take one line each.
 */
function openApiExcerpt(document: Record<string, any>, op: PlannedOperation): string {
  const { description: _description, tags: _tags, ...operation } = document.paths[op.path!][op.method.toLowerCase()];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses as Record<string, Record<string, unknown>>)) {
    const { headers: _headers, ...rest } = response;
    responses[status] = rest;
  }
  const schemaName = op.requestFields.length > 0 ? requestSchemaName(op) : op.resource.typeName;
  const schema = document.components.schemas[schemaName];
  const excerpt: Record<string, unknown> = { paths: { [op.path!]: { [op.method.toLowerCase()]: { ...operation, responses } } } };
  if (schema) excerpt.components = { schemas: { [schemaName]: schema } };
  const yaml = new Document(excerpt, YAML_OPTIONS);
  visit(yaml, {
    Map(_key, node) {
      if (node.items.length === 1 && isScalar(node.items[0].key) && node.items[0].key.value === '$ref') node.flow = true;
    },
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return yaml.toString(YAML_OPTIONS);
}

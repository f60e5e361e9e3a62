// The contract stage: Scope (+ detected stack) → one contract artifact in the
// chosen API style, validated, with its placement, an excerpt for SPEC.md,
// the review checklist, warnings and open questions. Pure: writes nothing.

import { Document, isScalar, stringify, visit } from 'yaml';
import type { ApiStyle, ContractArtifact, ContractExpectations, OpenQuestion, Problem, Scope, ServiceStack, Warning } from '../types.js';
import { buildChecklist, type ChecklistItem } from './checklist.js';
import { buildSdl, validateSdl } from './graphql.js';
import { mergeOpenApi } from './merge.js';
import { planContract, type ContractPlan, type PlannedOperation } from './model.js';
import { slug } from './naming.js';
import { buildOpenApiDocument, requestSchemaName } from './openapi.js';
import { lintOpenApi } from './openapi-lint.js';
import { buildProto, protoPackage, validateProto } from './proto.js';
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
}

/** Inline when the contract is at most this big (issue: about five operations / 80 lines). */
export const INLINE_LIMITS = { operations: 5, lines: 80 } as const;

const YAML_OPTIONS = { indent: 2, lineWidth: 0, aliasDuplicateObjects: false } as const;

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
  const questions: OpenQuestion[] = [...plan.questions];
  const warnings: Warning[] = [];
  const serviceName = options.serviceName ?? (slug(options.title) || 'app');

  let built: { artifact: ContractArtifact; excerpt: string; contractOps: PlannedOperation[] };
  switch (options.apiStyle) {
    case 'rest':
      built = buildRest(plan, options, warnings, questions);
      break;
    case 'graphql': {
      const sdl = buildSdl(plan);
      noteSkipped(sdl.skipped, 'GraphQL schema', questions);
      const contractOps = plan.operations.filter((op) => !sdl.skipped.includes(op));
      built = {
        artifact: { kind: 'graphql', fileName: 'schema.graphql', text: sdl.text, fence: 'graphql', operationCount: contractOps.length, problems: [] },
        excerpt: excerptOp(contractOps) ? sdl.excerptOf(excerptOp(contractOps)!) : sdl.text,
        contractOps,
      };
      break;
    }
    case 'grpc': {
      const proto = buildProto(plan, serviceName);
      noteSkipped(proto.skipped, 'proto service', questions);
      const contractOps = plan.operations.filter((op) => !proto.skipped.includes(op));
      built = {
        artifact: { kind: 'proto', fileName: `${slug(serviceName)}.proto`, text: proto.text, fence: 'protobuf', operationCount: contractOps.length, problems: [] },
        excerpt: excerptOp(contractOps) ? proto.excerptOf(excerptOp(contractOps)!) : proto.text,
        contractOps,
      };
      break;
    }
    case 'trpc': {
      const router = buildTrpc(plan, serviceName);
      noteSkipped(router.skipped, 'tRPC router', questions);
      const contractOps = plan.operations.filter((op) => !router.skipped.includes(op));
      built = {
        artifact: { kind: 'trpc', fileName: `${slug(serviceName)}.router.ts`, text: router.text, fence: 'ts', operationCount: contractOps.length, problems: [] },
        excerpt: excerptOp(contractOps) ? router.excerptOf(excerptOp(contractOps)!) : router.text,
        contractOps,
      };
      break;
    }
  }

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
  };
  return { result, validation };
}

export async function validateContract(artifact: ContractArtifact): Promise<Problem[]> {
  switch (artifact.kind) {
    case 'openapi':
      return lintOpenApi(artifact.text, artifact.expectations, artifact.fileName);
    case 'graphql':
      return validateSdl(artifact.text);
    case 'proto':
      return validateProto(artifact.text);
    case 'trpc':
      return validateTrpc(artifact.text);
  }
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

function expectationsOf(ops: PlannedOperation[]): ContractExpectations {
  return {
    retrySafe: ops.filter((op) => op.idempotent && op.path).map((op) => op.key),
    lists: ops.filter((op) => op.paginated && !op.statedPaging && op.path).map((op) => op.key),
  };
}

function buildRest(plan: ContractPlan, options: ContractOptions, warnings: Warning[], questions: OpenQuestion[]) {
  const restOps = plan.operations.filter((op) => op.path && op.method);
  const missing = plan.operations.filter((op) => !op.path);
  if (missing.length > 0) {
    questions.push({ text: `${missing.map((op) => op.name).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no HTTP method and path; ${missing.length === 1 ? 'it is' : 'they are'} left out of the OpenAPI document. Which route${missing.length === 1 ? '' : 's'}?`, weight: 4, source: 'contract' });
  }
  const document = buildOpenApiDocument(plan, options.title);
  const generatedText = stringify(document, YAML_OPTIONS);
  const focus = excerptOp(restOps);
  const excerpt = focus ? openApiExcerpt(document, focus) : generatedText;

  if (options.existingOpenApi) {
    const merged = mergeOpenApi(options.existingOpenApi, document);
    warnings.push(...merged.warnings);
    questions.push(...merged.questions);
    const added = new Set(merged.addedOperations);
    const expectations = expectationsOf(restOps.filter((op) => added.has(op.key)));
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
      expectations: expectationsOf(restOps),
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

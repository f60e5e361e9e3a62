// Model stage: Scope + ServiceStack + contract summary + answers → BackendSpec.
// Pure and deterministic: no dates, no I/O, stable ordering.

import { withOrmTableNames } from './table-names.js';
import { withRepoTables } from './repo-tables.js';
import type { ApiStyle, OpenQuestion, Scope, ServiceStack, Warning } from '../types.js';
import type { LayerKind } from './conventions.js';
import { buildAuthz } from './authz.js';
import { buildDataModel } from './data-model.js';
import { Findings } from './findings.js';
import { buildIdempotency, supportTables } from './idempotency.js';
import { isMutating } from './names.js';
import { buildObservability } from './observability.js';
import { protocolFor } from './protocol.js';
import { isOverkill, rankQuestions, WEIGHTS } from './rules.js';
import { buildValidation } from './safety.js';
import type { BackendSpec, ContractSummary } from './spec-types.js';
import { buildLayers, buildStackLines } from './stack.js';
import { buildTestPlan } from './test-plan.js';

export type * from './spec-types.js';

export interface ModelInput {
  scope: Scope;
  service?: ServiceStack;
  contract: ContractSummary;
  /** dir repo-relative, e.g. 'docs/03-order-refunds'. */
  sprint: { dir: string; num: string; slug: string };
  answers: {
    populatedTables?: string[];
    authz?: Record<string, { auth?: boolean | string; roles?: string[]; ownership?: string; justification?: string }>;
  };
  /** When the contract-test generator will write one. */
  contractTest?: { path: string; command: string };
  /** Where `magi contract-test` would write the test when it is not scaffolded in this run. */
  plannedContractTest?: { path: string; command: string };
  /** From other stages (stack ambiguity, contract). */
  extraQuestions?: OpenQuestion[];
  extraWarnings?: Warning[];
  /** Real folders per layer when the caller found them in the repo. */
  layout?: Partial<Record<LayerKind, string>>;
  /** The API style decided for the contract; without it, the style the operations are written in. */
  apiStyle?: ApiStyle;
}

export function buildBackendSpec(input: ModelInput): BackendSpec {
  const { service, contract, sprint, answers } = input;
  // Tables the repository's models already declare, under their names; then tables as the repository's
  // ORM names its model classes. The contract keeps the class names.
  const scope = withOrmTableNames(withRepoTables(input.scope, service), service);
  const findings = new Findings();

  if (isOverkill(scope)) {
    findings.warn('overkill', 'One operation with at most one optional field and no data, auth or job change: edit SPEC.md inline instead.', {
      operation: scope.operations[0] ? scope.operations[0].method && scope.operations[0].path ? `${scope.operations[0].method} ${scope.operations[0].path}` : scope.operations[0].name : '',
    });
  }
  const protocol = protocolFor(input.apiStyle, scope);
  const idempotency = buildIdempotency(scope, service, findings, protocol);
  const dataModel = buildDataModel(scope, service, answers.populatedTables, supportTables(idempotency.rows), findings);
  const authz = buildAuthz(scope, service, answers.authz ?? {}, findings, protocol, contract.operationNames);
  const validation = buildValidation(scope, service, contract.checklist, findings, protocol);
  const observability = buildObservability(scope, service, validation, protocol, contract.operationNames, idempotency.rows.some((row) => row.mechanism === 'idempotency-key'));
  const testPlan = buildTestPlan(scope, service, sprint.slug, idempotency.rows, input.contractTest, findings, input.plannedContractTest, protocol);

  for (const note of scope.questions) findings.ask('', note.text, WEIGHTS.scope, {}, 'scope');
  const questions = [
    ...findings.questions,
    ...(input.extraQuestions ?? []).map((q) => ({ ...q, code: undefined as string | undefined })),
  ];
  const extraWarnings = (input.extraWarnings ?? []).filter((w) => !findings.warnings.some((f) => f.code === w.code && f.message === w.message));

  return {
    sprint,
    title: scope.title,
    service: service ? { name: service.name, path: service.path } : undefined,
    stack: buildStackLines(scope, service),
    layers: buildLayers(scope, service, input.layout),
    contract,
    protocol,
    dataModel,
    authz,
    validation,
    idempotency,
    observability,
    testPlan,
    openQuestions: rankQuestions(questions.map((q) => ({ ...q, code: q.code || undefined }))),
    warnings: [...findings.warnings, ...extraWarnings],
    stats: { operations: scope.operations.length, mutating: scope.operations.filter(isMutating).length, entities: scope.entities.length },
  };
}

export { isOverkill, sloAlerts, rankQuestions, backfillGaps, needsAuthJustification, hasUnknownAuthz } from './rules.js';

// The rules the product enforces, one function each (DESIGN.md "Rules from
// the original job"). Builders call them; tests exercise them one by one.

import type { Operation, Scope, Slo } from '../types.js';
import { operationKey } from '../types.js';
import { DEFAULT_ALERTS } from './conventions.js';
import type { AlertPlan, AuthzRow, BackfillPlan, RankedQuestion } from './spec-types.js';
import { isMutating } from './names.js';

/** A very thin change: one operation, at most one optional field, no data/auth/job/integration work. */
export function isOverkill(scope: Scope): boolean {
  if (scope.operations.length !== 1) return false;
  if (scope.entities.length || scope.authz.length || scope.jobs.length || scope.integrations.length) return false;
  const op = scope.operations[0];
  const fields = [...op.requestFields, ...op.queryParams, ...op.responseFields];
  return fields.length <= 1 && fields.every((f) => !f.required);
}

/** Facts a backfill plan still lacks; any one makes the plan incomplete (`missing-backfill`). */
export function backfillGaps(plan: BackfillPlan, populatedConfirmed: boolean): string[] {
  const gaps: string[] = [];
  if (plan.value.kind === 'unknown') gaps.push('existing-value');
  if (!populatedConfirmed) gaps.push('populated');
  return gaps;
}

/** A mutating operation that anyone may call must say why (HMAC webhook, mTLS, shared secret). */
export function needsAuthJustification(row: AuthzRow): boolean {
  return row.mutating && row.auth === 'no' && !row.justification;
}

/** An authz row with a cell nobody stated. */
export function hasUnknownAuthz(row: AuthzRow): boolean {
  return row.auth === 'unknown' || row.roles === 'unknown' || row.ownership === 'unknown';
}

const PERCENTILE_RANK: Record<string, number> = { p50: 50, p90: 90, p95: 95, p99: 99 };

/**
 * SLO figures → alerts: warn when the stated percentile crosses the SLO for
 * the latency window, page at `pageMultiplier`× over a shorter window.
 * Operations without an SLO get the default latency alert; every sprint gets
 * an error-rate alert (`errorRate`: the style's condition). All on the style's server `metric`.
 */
export function sloAlerts(slos: Slo[], operations: Operation[], metric: string, errorRate: string): AlertPlan[] {
  const alerts: AlertPlan[] = [];
  const covered = new Set<string>();
  const keys = operations.map((op) => operationKey(op));
  const stated = slos
    .filter((s) => s.thresholdMs !== undefined)
    .sort((a, b) => a.line - b.line || (PERCENTILE_RANK[a.percentile ?? 'p95'] ?? 0) - (PERCENTILE_RANK[b.percentile ?? 'p95'] ?? 0));
  const seen = new Set<string>();
  for (const slo of stated) {
    const group = slo.operations?.filter((key) => keys.includes(key)) ?? [];
    const subject = group.length ? group.join(', ') : slo.operation && keys.includes(slo.operation) ? slo.operation : slo.operation ?? '*';
    const percentile = slo.percentile ?? 'p95';
    const ms = slo.thresholdMs as number;
    // The same target stated again (a requirement and a success criterion) is one alert pair, from its first line.
    const target = `${subject}|${percentile}|${ms}`;
    if (seen.has(target)) continue;
    seen.add(target);
    const source = { kind: 'slo' as const, line: slo.line, text: slo.text };
    alerts.push({ subject, metric, condition: `${percentile} > ${ms} ms`, window: DEFAULT_ALERTS.latencyWindow, severity: 'warn', source });
    alerts.push({ subject, metric, condition: `${percentile} > ${ms * DEFAULT_ALERTS.pageMultiplier} ms`, window: DEFAULT_ALERTS.pageWindow, severity: 'page', source });
    if (group.length) group.forEach((k) => covered.add(k));
    else if (subject === '*') keys.forEach((k) => covered.add(k));
    else covered.add(subject);
  }
  const rest = keys.filter((k) => !covered.has(k));
  if (rest.length) {
    alerts.push({
      subject: rest.length === keys.length ? '*' : rest.join(', '),
      metric,
      condition: `${DEFAULT_ALERTS.latencyPercentile} > ${DEFAULT_ALERTS.latencyMs} ms`,
      window: DEFAULT_ALERTS.latencyWindow,
      severity: 'warn',
      source: { kind: 'default' },
    });
  }
  if (keys.length) {
    alerts.push({
      subject: '*',
      metric,
      condition: `${errorRate} > ${DEFAULT_ALERTS.errorRate * 100}%`,
      window: DEFAULT_ALERTS.errorWindow,
      severity: 'page',
      source: { kind: 'default' },
    });
  }
  return alerts;
}

/** Highest weight first; ties keep the order they were raised in. Marks the top three. */
export function rankQuestions(questions: Array<Omit<RankedQuestion, 'top'>>): RankedQuestion[] {
  const seen = new Set<string>();
  const unique = questions.filter((q) => {
    const id = q.code ? `${q.code}|${JSON.stringify(q.params ?? {})}` : q.text;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return unique
    .map((q, index) => ({ q, index }))
    .sort((a, b) => b.q.weight - a.q.weight || a.index - b.index)
    .map(({ q }, rank) => ({ ...q, top: rank < 3 }));
}

/** Weights used to rank open questions: what blocks implementation most comes first. */
export const WEIGHTS = {
  authzUnknownMutation: 100,
  unauthenticatedMutation: 95,
  backfillValue: 90,
  populatedUnconfirmed: 85,
  stackAmbiguous: 80,
  migrationTool: 70,
  schemaSync: 65,
  authzUnknownRead: 60,
  jobSystem: 50,
  testRunner: 45,
  defaultForExisting: 40,
  rowCount: 35,
  scope: 30,
  textLength: 20,
} as const;

export { isMutating };

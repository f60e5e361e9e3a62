import { describe, expect, it } from 'vitest';
import type { Prepared } from '../../lib/pipeline/backend-spec.js';
import { nextSteps } from '../../lib/pipeline/report.js';

const prepared = (stale: Prepared['preflight']['stale'], hasFrontendItems = false) =>
  ({ preflight: { state: 'PLANNING', stale }, scope: { hasFrontendItems } }) as unknown as Prepared;
const question = (weight: number) => ({ text: 'q', weight, source: 'test' });

describe('next step', () => {
  it('is the tasks step when nothing is open', () => {
    expect(nextSteps(prepared([]), [])).toEqual(['The spec is complete: run /magi.tasks (or /magi.review-plan first for a multi-model review).']);
  });

  it('asks to settle what is open before the tasks', () => {
    expect(nextSteps(prepared([]), [question(10), question(20)])).toEqual(['Settle the 2 open questions in the section, then run /magi.tasks (or /magi.review-plan first).']);
  });

  it('puts blocking questions first', () => {
    expect(nextSteps(prepared([]), [question(90)])[0]).toMatch(/^Answer the open questions/);
  });

  it('names the frontend spec and what became stale', () => {
    const steps = nextSteps(prepared(['plan-review', 'tasks'], true), []);
    expect(steps).toEqual([
      'The plan review is now stale: re-run /magi.review-plan.',
      'TASKS.md is now stale: re-run /magi.tasks after the review.',
      'The sprint has frontend items: run /magi.web.frontend.spec.',
    ]);
  });
});

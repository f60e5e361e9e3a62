// A spec-kit plan describes its setting ("Assumptions", "Technical Context") and checks itself against the
// project's rules ("Constitution Check"). Those sections restate; they plan no work of their own.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const PLAN = `# Implementation Plan: reminders

## Summary

A nightly background job sends renewal reminders.

## Technical Context

**Background jobs**: Sidekiq background jobs for async work

## Constitution Check

| Principle | Status | Notes |
|---|---|---|
| Performance | Pass | Uses background jobs for async |

## Assumptions

- Background job processing infrastructure exists for scheduled tasks
`;

describe('the setting a plan describes', () => {
  it('keeps the job the plan adds and none from its context, checks or assumptions', () => {
    const jobs = extractScope(PLAN).jobs;
    expect(jobs.map((job) => job.line)).toEqual([5]);
  });
});

describe('a Goal or Summary describes the feature', () => {
  it('"Logged-in users can bookmark listings" there is no access rule to ask about; a rule below still is', () => {
    const doc = [
      '# Sprint 01 — Saved parcels',
      '',
      '## Goal',
      'Logged-in users can bookmark parcels they like and see them later.',
      '',
      '## API',
      '- `GET /v1/saved-parcels` — list saved parcels',
      '',
      '## Rules',
      '- Only signed-in users may list saved parcels.',
      '',
    ].join('\n');
    const rules = extractScope(doc).authz;
    expect(rules.map((rule) => rule.line)).toEqual([10]);
  });
});

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

import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const jobsOf = (line: string) => extractScope(`# T\n\n## API / Data contracts\n\n${line}\n`).jobs.map((job) => ({ name: job.name, schedule: job.schedule }));

describe('job names come from what the job does', () => {
  it.each([
    ['- A nightly job expires cards whose `expires_at` has passed.', { name: 'expire-cards', schedule: 'nightly' }],
    ['- A nightly job finds refunds `pending` for more than 24 hours.', { name: 'find-refunds', schedule: 'nightly' }],
    ['- An hourly worker sends reminder emails to users.', { name: 'send-reminder-emails', schedule: 'hourly' }],
    ['- A daily job finishes the exports.', { name: 'finish-exports', schedule: 'daily' }],
  ])('%s', (line, expected) => {
    expect(jobsOf(line)).toEqual([expected]);
  });

  it('leaves the name out when the text does not say what the job does', () => {
    expect(jobsOf('- A cron job runs at 3am.')[0]?.name).toBeUndefined();
  });
});

describe('only background work is a job', () => {
  it.each([
    ['- Jobs: None.'],
    ['- No background job is needed; the refund is synchronous.'],
    ['- Monthly reports exclude refunds.'],
    ['- Users may set recurrence rules (daily, weekly, monthly) on tasks.'],
    ['- **Job**: one execution record with its status and progress.'],
    ['- Q: do we need a nightly job for this?'],
    ['- A) Store in the database, update via a scheduled job.'],
    ['- Appointments are scheduled by patients.'],
    ['- `schedule`: a cron expression (5 or 6 fields); empty means manual runs only.'],
    ['- `schedule`：空或有效的 cron 表达式'],
  ])('%s gives no job', (line) => {
    expect(jobsOf(line)).toEqual([]);
  });

  it('a heading that says Jobs is not a job', () => {
    expect(extractScope('# T\n\n## Jobs\n\nNone this sprint.\n').jobs).toEqual([]);
  });

  it('names no job from words that are not its work ("and retried", "I retried")', () => {
    expect(jobsOf('- A worker job and retried up to 3 times on failure.')[0]?.name).toBeUndefined();
  });
});

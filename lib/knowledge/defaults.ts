// Defaults that are policy, not technology: what the plan assumes when the
// sprint's document is silent.

/** Cron expressions for the schedules specs name in words (fixed times keep output deterministic). */
export const SCHEDULES: Record<string, string> = {
  hourly: '0 * * * *',
  nightly: '0 3 * * *',
  daily: '0 3 * * *',
  weekly: '0 3 * * 1',
  monthly: '0 3 1 * *',
};

/** Fallbacks when an SLO is silent, in milliseconds / ratios. */
export const DEFAULT_ALERTS = {
  latencyPercentile: 'p99' as const,
  latencyMs: 1000,
  errorRate: 0.01,
  errorWindow: '5m',
  latencyWindow: '10m',
  pageMultiplier: 2,
  pageWindow: '5m',
};

/** Idempotency replay window when the spec gives none. */
export const DEFAULT_REPLAY_WINDOW = '24h';

/** Backfill batch defaults (rows per batch, pause between batches). */
export const BACKFILL = { batchSize: 1000, sleepMs: 100, largeTableRows: 1_000_000 };

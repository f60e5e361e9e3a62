// Preloaded with `node --import` by the benchmark: reports the process's peak
// memory (max RSS) on exit, to the file named in MAGI_BENCH_RSS.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.MAGI_BENCH_RSS) appendFileSync(process.env.MAGI_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});

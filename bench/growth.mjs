// `npm run bench` (also `node bench/growth.mjs [--max-kb 5120] [--no-bin] [--shared-paths]`):
// how backend-spec's time and memory grow with the plan document's size. Builds
// sprint documents of 100 KB, 200 KB, 400 KB … up to 5 MB from varied,
// realistic spec content (requirements, endpoint lines, Key Entities bullets,
// tables, code fences), runs prepareBackendSpec + planBackendSpec in a fresh
// process per size (so peak RSS is that size's), then the real bin once on the
// largest. Prints time, peak RSS and the growth factor per doubling.
// Not a test: nothing fails; it prints figures.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

// Child mode: one in-process run of the pipeline on a prepared repo; prints JSON.
if (option('--child')) {
  const repo = option('--child');
  const { prepareBackendSpec, planBackendSpec } = await import(pathToFileURL(path.join(root, 'dist/lib/pipeline/backend-spec.js')).href);
  const { settle } = await import(pathToFileURL(path.join(root, 'dist/lib/pipeline/decide.js')).href);
  const home = path.join(repo, '.home');
  mkdirSync(home, { recursive: true });
  const context = { root: repo, home, env: {}, toolVersion: 'bench' };
  const start = performance.now();
  let error;
  let sectionBytes = 0;
  try {
    const prepared = await prepareBackendSpec(context, { sprint: '03-gift-cards', apiStyle: 'rest', force: true, skipPreflight: true, dryRun: true });
    const { decisions } = settle(prepared, {}, false);
    const plan = await planBackendSpec(prepared, decisions);
    prepared.release();
    sectionBytes = plan.documentAfter.length - plan.documentBefore.length;
  } catch (caught) {
    error = String(caught?.message ?? caught).split('\n')[0];
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, sectionBytes, error }));
  process.exit(0);
}

const maxKb = Number(option('--max-kb') ?? 5120);
const withBin = !args.includes('--no-bin');
// Each feature block's endpoints under their own paths (`/v1/pending-vouchers-12`), so the operations grow with
// the document as in a real spec; `--shared-paths` reuses a few hundred paths (operations stay ~124).
const distinctPaths = !args.includes('--shared-paths');

const WORDS = ['invoice', 'ledger', 'shipment', 'voucher', 'tenant', 'webhook', 'report', 'badge', 'coupon', 'warehouse', 'parcel', 'refund', 'review', 'playlist', 'session', 'device', 'ticket', 'channel', 'budget', 'survey', 'station', 'route', 'booking', 'lesson'];
const ROLES = ['admin', 'support', 'customer', 'finance', 'operator', 'auditor'];
const ADJ = ['archived', 'pending', 'shared', 'scheduled', 'verified', 'draft', 'regional', 'nightly'];
const pick = (list, index) => list[index % list.length];
const pascal = (name) => name.replace(/(^|[-_ ])(\w)/g, (_, __, c) => c.toUpperCase());

/** One feature block (~2.6 KB) of a spec, its names varied by `index`. */
function block(index) {
  const a = pick(WORDS, index);
  const b = pick(WORDS, index * 7 + 3);
  const adj = pick(ADJ, index * 3 + 1);
  const thing = distinctPaths ? `${adj}-${a}s-${index}` : `${adj}-${a}s`;
  const Entity = `${pascal(adj)}${pascal(a)}${index}`;
  const Other = `${pascal(b)}Item${index}`;
  const role = pick(ROLES, index);
  const table = `${adj}_${a}s_${index}`;
  const lines = [
    `## Feature ${index + 1}: ${adj} ${a}s and their ${b}s`,
    '',
    `${pascal(role)} staff handle ${adj} ${a}s by hand today; each ${a} links to several ${b}s. This increment`,
    `lets a ${role} create, list and close ${adj} ${a}s, and keeps an audit trail of every change.`,
    '',
    '### Functional requirements',
    '',
    `- **FR-${index * 4 + 1}**: The system MUST let a ${role} create a ${a} with a title (at most ${80 + (index % 40)} characters) and a due date.`,
    `- **FR-${index * 4 + 2}**: The system MUST list the caller's ${a}s, newest first, ${20 + (index % 30)} per page.`,
    `- **FR-${index * 4 + 3}**: Users MUST be able to attach a ${b} to a ${a}; a ${a} holds at most ${5 + (index % 9)} ${b}s.`,
    `- **FR-${index * 4 + 4}**: The system MUST record who closed a ${a} and when; closed ${a}s are read-only.`,
    '',
    '### Endpoints',
    '',
    `- \`POST /v1/${thing}\` creates a ${a}. Body: \`title\` (string), \`due_on\` (date), \`priority_${index}\` (integer, 1-5). Must be safe to retry.`,
    `- \`GET /v1/${thing}\` lists ${a}s, paginated.`,
    `- \`GET /v1/${thing}/{${a}Id}\` returns one ${a} with its ${b}s.`,
    `- \`PATCH /v1/${thing}/{${a}Id}\` renames or reschedules a ${a}.`,
    `- \`DELETE /v1/${thing}/{${a}Id}/${b}s/{${b}Id}\` detaches a ${b}.`,
    `- Only users with the role \`${role}\` may close a ${a}; a customer may read their own.`,
    '',
    '### Key Entities',
    '',
    `- **${Entity}**: a ${a} a ${role} tracks; has a title, a due date, a status (open, closed) and an owner.`,
    `- **${Other}**: one ${b} attached to a ${Entity}; has a label, a quantity and a created time.`,
    '',
    `| Field | Type | Notes |`,
    `|---|---|---|`,
    `| id | uuid | primary key of \`${table}\` |`,
    `| title_${index} | string | at most ${80 + (index % 40)} characters |`,
    `| due_on | date | required |`,
    `| owner_id | uuid | FK users |`,
    `| status | enum | open, closed |`,
    '',
    '```ts',
    `interface ${Entity} {`,
    '  id: string;',
    `  title${index}: string;`,
    '  dueOn: string;',
    `  status: 'open' | 'closed';`,
    `  ${b}Count: number;`,
    '}',
    '```',
    '',
    '### Acceptance criteria',
    '',
    `1. **Given** a ${role} and an open ${a}, **When** they close it, **Then** it becomes read-only and the closing user is recorded.`,
    `2. **Given** ${5 + (index % 9)} ${b}s on a ${a}, **When** one more is attached, **Then** the request is refused with a clear message.`,
    `- Listing ${adj} ${a}s: p95 under ${150 + (index % 5) * 50} ms.`,
    '',
  ];
  return lines.join('\n');
}

function documentOf(bytes, head) {
  const parts = [head.trimEnd(), ''];
  let size = Buffer.byteLength(parts.join('\n'));
  // Whole blocks up to the size, never past it: the largest case is exactly at the document cap.
  for (let index = 0; ; index++) {
    const text = block(index);
    if (size + Buffer.byteLength(text) + 1 > bytes) break;
    parts.push(text);
    size += Buffer.byteLength(text) + 1;
  }
  return parts.join('\n');
}

const work = mkdtempSync(path.join(tmpdir(), 'magi-growth-'));
const head = readFileSync(path.join(root, 'examples/docs/03-gift-cards/SPEC.md'), 'utf8');

function repoFor(kb) {
  const repo = path.join(work, `repo-${kb}`);
  cpSync(path.join(root, 'examples'), repo, { recursive: true, filter: (source) => !source.includes('node_modules') });
  writeFileSync(path.join(repo, 'docs/03-gift-cards/SPEC.md'), documentOf(kb * 1024, head));
  return repo;
}

const sizes = [];
for (let kb = 100; kb <= maxKb; kb *= 2) sizes.push(kb);
if (sizes.at(-1) !== maxKb && maxKb > sizes.at(-1)) sizes.push(maxKb);

console.log(`\n## backend-spec growth (in-process prepare + plan, one fresh process per size; ${distinctPaths ? 'endpoints grow with the document' : 'shared paths: ~124 endpoints at any size'})\n`);
console.log('| document | time | µs per byte | peak RSS | section | time × per doubling | RSS × per doubling |');
console.log('|---|---|---|---|---|---|---|');
let previous;
const rows = [];
for (const kb of sizes) {
  const repo = repoFor(kb);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', repo], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  let result;
  try {
    result = JSON.parse(child.stdout.trim().split('\n').pop());
  } catch {
    result = { error: (child.stderr || 'no output').split('\n').find(Boolean) };
  }
  const label = kb >= 1024 ? `${(kb / 1024).toFixed(kb % 1024 ? 2 : 0)} MB` : `${kb} KB`;
  if (result.error) {
    console.log(`| ${label} | refused: ${result.error} | | | | | |`);
    previous = undefined;
    rmSync(repo, { recursive: true, force: true });
    continue;
  }
  const mb = result.maxRssKb / 1024;
  // Normalised to an exact doubling, so a last, uneven step (e.g. 3.2 → 5 MB) compares fairly.
  const doublings = previous ? Math.log2(kb / previous.kb) : 0;
  const timeFactor = previous ? (result.seconds / previous.seconds) ** (1 / doublings) : undefined;
  const rssFactor = previous ? (mb / previous.mb) ** (1 / doublings) : undefined;
  console.log(`| ${label} | ${result.seconds.toFixed(2)} s | ${((result.seconds * 1e6) / (kb * 1024)).toFixed(1)} | ${mb.toFixed(0)} MB | ${(result.sectionBytes / 1024).toFixed(1)} KB | ${timeFactor ? `${timeFactor.toFixed(2)}×` : ''} | ${rssFactor ? `${rssFactor.toFixed(2)}×` : ''} |`);
  rows.push({ kb, ...result, mb, timeFactor });
  previous = { kb, seconds: result.seconds, mb };
  rmSync(repo, { recursive: true, force: true });
}
const factors = rows.map((row) => row.timeFactor).filter(Boolean);
// Time per byte, per doubling: 1.0× is linear; above it, a part grows faster than the input.
const perByte = factors.map((factor) => factor / 2);
if (factors.length) console.log(`\nworst time growth per doubling: ${Math.max(...factors).toFixed(2)}× (goal ≤ 1.3×; time per byte ${Math.max(...perByte).toFixed(2)}×, 1.0× is linear); slowest run ${Math.max(...rows.map((row) => row.seconds)).toFixed(2)} s (goal ≤ 5 s); peak RSS ${Math.max(...rows.map((row) => row.mb)).toFixed(0)} MB (goal ≤ 150 MB)`);

if (withBin && rows.length) {
  const kb = rows.at(-1).kb;
  const repo = repoFor(kb);
  const home = path.join(work, 'home');
  mkdirSync(home, { recursive: true });
  const rssFile = path.join(work, 'rss.txt');
  writeFileSync(rssFile, '');
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(root, 'bench/rss.mjs')).href, path.join(root, 'dist/bin/magi.js'), 'backend-spec', '--answers', 'magi-answers.yaml', '--dry-run'], {
    cwd: repo,
    encoding: 'utf8',
    input: '',
    // The dry run prints the whole diff (megabytes here): past spawnSync's default 1 MB the child is killed.
    maxBuffer: 1024 * 1024 * 1024,
    env: { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', MAGI_BENCH_RSS: rssFile },
  });
  const seconds = (performance.now() - start) / 1000;
  const kbRss = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  console.log(`\nbin: magi backend-spec --answers magi-answers.yaml --dry-run on ${kb} KB: exit ${run.status}, ${seconds.toFixed(2)} s, peak RSS ${(kbRss / 1024).toFixed(0)} MB${run.status ? ` (${(run.stderr || run.stdout).split('\n').find(Boolean)})` : ''}`);
  rmSync(repo, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

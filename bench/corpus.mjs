// `npm run bench:corpus`: runs backend-spec on each real feature case of
// ../shared/corpus (or $MAGI_CORPUS) and scores what it read against the
// authors' own contracts and data models (truth.yaml). Not a test: it prints.
//
// Two modes per case:
//   input   only the documents a user hands over (input/);
//   folder  the whole feature folder as spec-kit keeps it (input/ plus
//           data-model.md and contracts/ from truth/), for spec-kit cases.
// Usage: node bench/corpus.mjs [--mode input|folder|both] [--case NN] [--verbose]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { scoreCase, statedOperations } from './corpus-score.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const corpus = process.env.MAGI_CORPUS ?? path.resolve(root, '../shared/corpus');
const modes = (option('--mode') ?? 'both') === 'both' ? ['input', 'folder'] : [option('--mode')];
const only = option('--case');
const verbose = args.includes('--verbose');

if (!existsSync(corpus)) {
  console.log(`No corpus at ${corpus}; set MAGI_CORPUS to a folder of cases (<NN>-<name>/input, truth.yaml).`);
  process.exit(0);
}

const { prepareBackendSpec, planBackendSpec } = await import(path.join(root, 'dist/lib/pipeline/backend-spec.js'));
const { settle } = await import(path.join(root, 'dist/lib/pipeline/decide.js'));
const { provenanceGaps } = await import(path.join(root, 'dist/lib/scope/provenance.js'));

const work = mkdtempSync(path.join(tmpdir(), 'magi-corpus-'));
const home = path.join(work, 'home');
mkdirSync(home);

/** Lays a case out as a repo with one sprint folder; returns the repo root. */
function layout(caseDir, name, mode, truth) {
  const repo = path.join(work, `${name}-${mode}`);
  const sprint = path.join(repo, 'docs', `01-${name.replace(/^\d+-/, '')}`);
  mkdirSync(sprint, { recursive: true });
  const inputs = readdirSync(path.join(caseDir, 'input'));
  for (const file of inputs) cpSync(path.join(caseDir, 'input', file), path.join(sprint, file));
  // A BMAD story has its own file name: it is the sprint's document.
  const known = ['spec.md', 'design.md', 'requirements.md', 'prd.md'];
  if (!inputs.some((file) => known.includes(file))) {
    const story = inputs.find((file) => file.endsWith('.md'));
    if (story) cpSync(path.join(sprint, story), path.join(sprint, 'SPEC.md'));
    if (story) rmSync(path.join(sprint, story));
  }
  if (mode === 'folder' && truth.style === 'spec-kit') {
    const truthDir = path.join(caseDir, 'truth');
    if (existsSync(path.join(truthDir, 'data-model.md'))) cpSync(path.join(truthDir, 'data-model.md'), path.join(sprint, 'data-model.md'));
    if (existsSync(path.join(truthDir, 'contracts'))) cpSync(path.join(truthDir, 'contracts'), path.join(sprint, 'contracts'), { recursive: true });
  }
  writeFileSync(path.join(repo, 'package.json'), '{"name":"corpus-case","private":true}\n');
  return repo;
}

const config = path.join(work, 'config.json');
writeFileSync(config, JSON.stringify({ output_language: 'en' }));

const cases = readdirSync(corpus).filter((name) => /^\d+-/.test(name) && (!only || name.startsWith(only))).sort();
const totals = {};
for (const mode of modes) {
  const sum = { stated: 0, statedFound: 0, reported: 0, notInContract: 0, entities: 0, entitiesFound: 0, fields: 0, fieldsFound: 0, fieldsNamed: 0, unsourced: 0, cases: 0, failed: 0 };
  console.log(`\n## mode: ${mode}\n`);
  console.log('| case | stated found | reported not in contract | entities | fields | unsourced names |');
  console.log('|---|---|---|---|---|---|');
  for (const name of cases) {
    const caseDir = path.join(corpus, name);
    const truth = parse(readFileSync(path.join(caseDir, 'truth.yaml'), 'utf8'));
    const repo = layout(caseDir, name, mode, truth);
    const context = { root: repo, home, env: { MAGI_CONFIG_PATH: config }, toolVersion: 'bench' };
    let result;
    try {
      const prepared = await prepareBackendSpec(context, { force: true, skipPreflight: true });
      const { decisions } = settle(prepared, {}, false);
      const plan = await planBackendSpec(prepared, decisions);
      prepared.release();
      const inputText = readdirSync(path.join(caseDir, 'input')).map((file) => readFileSync(path.join(caseDir, 'input', file), 'utf8')).join('\n');
      const givenText = [prepared.document.text, ...readCompanionTexts(prepared)].join('\n');
      const section = plan.documentAfter.slice(plan.documentBefore.length);
      result = scoreCase({ truth, scope: prepared.scope, section, stated: statedOperations(truth, inputText) });
      result.fieldsNamed = fieldsNamedIn(truth, givenText);
      result.namedWords = namedWords(givenText);
      result.unsourced = provenanceGaps(prepared.scope, [prepared.document.text, ...readCompanionTexts(prepared)]);
    } catch (error) {
      sum.failed++;
      console.log(`| ${name} | failed: ${String(error.message).split('\n')[0]} | | | | |`);
      continue;
    }
    sum.cases++;
    sum.stated += result.stated.length;
    sum.statedFound += result.statedFound.length;
    sum.reported += result.reported.length;
    sum.notInContract += result.notInContract.length;
    sum.entities += result.entities;
    sum.entitiesFound += result.entitiesFound;
    sum.fields += result.fields;
    sum.fieldsFound += result.fieldsFound;
    sum.fieldsNamed += result.fieldsNamed;
    sum.unsourced += result.unsourced.length;
    console.log(`| ${name} | ${result.statedFound.length}/${result.stated.length} | ${result.notInContract.length}/${result.reported.length} | ${result.entitiesFound}/${result.entities} | ${result.fieldsFound}/${result.fields} | ${result.unsourced.length} |`);
    if (verbose) {
      const missed = result.stated.filter((op) => !result.statedFound.includes(op));
      if (missed.length) console.log(`  missed: ${missed.join('; ')}`);
      if (result.notInContract.length) console.log(`  not in contract: ${result.notInContract.join('; ')}`);
      if (result.missedEntities.length) console.log(`  entities missed: ${result.missedEntities.join('; ')}`);
      if (result.missedFields.length) console.log(`  fields missed: ${result.missedFields.slice(0, 30).join(', ')}`);
      const missedNamed = result.missedFields.filter((field) => result.namedWords.has(squashWord(field.split('.').pop())));
      if (missedNamed.length) console.log(`  missed, though the documents name them: ${missedNamed.join(', ')}`);
      if (result.unsourced.length) console.log(`  unsourced: ${result.unsourced.slice(0, 10).join('; ')}`);
    }
  }
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  console.log(`\n${mode}: ${sum.cases} cases run, ${sum.failed} failed`);
  console.log(`  stated operations found:        ${sum.statedFound}/${sum.stated} (${pct(sum.statedFound, sum.stated)})`);
  console.log(`  reported, not in the contract:  ${sum.notInContract}/${sum.reported} (${pct(sum.notInContract, sum.reported)})`);
  console.log(`  authors' entities found:        ${sum.entitiesFound}/${sum.entities} (${pct(sum.entitiesFound, sum.entities)})`);
  console.log(`  authors' fields found:          ${sum.fieldsFound}/${sum.fields} (${pct(sum.fieldsFound, sum.fields)})`);
  // An upper bound for reading: a field the documents given never name can only come from elsewhere.
  console.log(`  authors' fields the given documents name: ${sum.fieldsNamed}/${sum.fields} (${pct(sum.fieldsNamed, sum.fields)})`);
  console.log(`  names without provenance:       ${sum.unsourced}`);
  totals[mode] = sum;
}
rmSync(work, { recursive: true, force: true });

function readCompanionTexts(prepared) {
  return (prepared.scope.sources ?? []).slice(1).map((source) => readFileSync(path.join(prepared.context.root, source.path), 'utf8'));
}

function squashWord(word) {
  return word.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every word of the text, squashed, to tell which fields the documents name at all. */
function namedWords(text) {
  return new Set((text.match(/[A-Za-z0-9_]+/g) ?? []).map(squashWord));
}

/** How many of the authors' fields the given documents name at all (as a word, any case or separator). */
function fieldsNamedIn(truth, text) {
  const words = namedWords(text);
  const singular = (name) => name.replace(/(?:ies)$/, 'y').replace(/(?:ses|xes|ches|shes)$/, (end) => end.slice(0, -2)).replace(/s$/, '');
  const optional = new Set((truth.optional_entities ?? []).map((name) => singular(squashWord(name))));
  let named = 0;
  for (const [entity, fields] of Object.entries(truth.entities ?? {})) {
    if (optional.has(singular(squashWord(entity)))) continue;
    for (const field of fields) if (words.has(squashWord(field))) named++;
  }
  return named;
}

// Contract-test rendering on a large contract: an OpenAPI 3.1 document with
// 600 operations, rendered for every OpenAPI stack. Prints the median of the
// runs per stack and fails when one exceeds 2 s or when two runs differ.
// Run after `npm run build`: node bench/contract-test.mjs [runs]
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';

const { renderContractTest, listFrameworks } = await import('../dist/lib/contract-test/index.js');

const RUNS = Math.max(10, Number(process.argv[2] ?? 10));
const RESOURCES = 150;
const LIMIT_MS = 2000;

function largeContract() {
  const paths = {};
  for (let index = 0; index < RESOURCES; index += 1) {
    const name = `resource${index}`;
    const ref = { $ref: `#/components/schemas/R${index}` };
    const json = (schema) => ({ 'application/json': { schema } });
    paths[`/${name}`] = {
      get: { operationId: `${name}.list`, responses: { 200: { description: 'ok', content: json({ type: 'array', items: ref }) } } },
      post: { operationId: `${name}.create`, requestBody: { required: true, content: { 'application/json': { schema: ref, example: { id: `r${index}`, count: index } } } }, responses: { 201: { description: 'created', content: json(ref) } } },
    };
    paths[`/${name}/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', example: `r${index}` } }],
      get: { operationId: `${name}.get`, responses: { 200: { description: 'ok', content: json(ref) }, 404: { description: 'missing' } } },
      delete: { operationId: `${name}.remove`, security: [{ bearer: [] }], responses: { 204: { description: 'gone' } } },
    };
  }
  const schemas = Object.fromEntries(Array.from({ length: RESOURCES }, (_, index) => [`R${index}`, {
    type: 'object', additionalProperties: false, required: ['id'],
    properties: { id: { type: 'string' }, count: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
  }]));
  return stringify({
    openapi: '3.1.0', info: { title: 'Large', version: '1.0.0' }, servers: [{ url: '/v1' }], paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  });
}

const text = largeContract();
const operations = RESOURCES * 4;
const frameworks = listFrameworks().filter((id) => !['graphql', 'grpc-go'].includes(id));
const render = (framework) => renderContractTest({
  contract: { kind: 'openapi', text, path: 'docs/01-large/openapi.yaml' }, framework, feature: 'large', appEntry: framework === 'nextjs' ? 'app' : undefined,
});
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

for (const framework of frameworks) await render(framework); // warm-up: module loading, template compilation
const timings = new Map(frameworks.map((framework) => [framework, []]));
const reference = new Map();
for (let run = 0; run < RUNS; run += 1) {
  for (const framework of frameworks) {
    const start = performance.now();
    const result = await render(framework);
    timings.get(framework).push(performance.now() - start);
    const fingerprint = `${result.path}\n${result.content}\n${result.installCommand}\n${result.todos.join('\n')}`;
    if (!reference.has(framework)) reference.set(framework, fingerprint);
    else if (reference.get(framework) !== fingerprint) {
      console.error(`${framework}: run ${run + 1} differs from run 1; output is not deterministic`);
      process.exit(1);
    }
  }
}
const medians = frameworks.map((framework) => [framework, median(timings.get(framework))]);
medians.sort((a, b) => b[1] - a[1]);
console.log(`contract-test: ${operations} operations, ${RUNS} runs per stack, deterministic`);
for (const [framework, value] of medians) console.log(`  ${framework.padEnd(12)} median ${value.toFixed(1)} ms  (${(reference.get(framework).length / 1024).toFixed(0)} KiB)`);
const [slowest, worst] = medians[0];
console.log(`median of the slowest stack (${slowest}): ${worst.toFixed(1)} ms; limit ${LIMIT_MS} ms`);
if (worst > LIMIT_MS) process.exit(1);

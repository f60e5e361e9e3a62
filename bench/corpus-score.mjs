// Scoring for bench/corpus.mjs: what backend-spec read from a case against the
// authors' ground truth (truth.yaml). Pure functions over plain data.
const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS';

/** `GET /api/x/:id/` → `GET /api/x/{}`; GraphQL/gRPC/tRPC keys unchanged. */
export function normalizeKey(key) {
  const match = new RegExp(`^(${METHODS})\\s+(\\S+)`).exec(key.trim());
  if (!match) return key.trim();
  const path = match[2]
    .split('?')[0]
    .replace(/\{[^}]*\}|:[A-Za-z_]\w*|<[^>]*>/g, '{}')
    .replace(/\/+$/, '');
  return `${match[1]} ${path || '/'}`;
}

export function operationKeyOf(op) {
  if (op.kind === 'rest') return normalizeKey(`${op.method} ${op.path}`);
  if (op.kind === 'graphql-query') return `${/^Subscription\b/.test(op.summary ?? '') ? 'subscription' : 'query'} ${op.name}`;
  if (op.kind === 'graphql-mutation') return `mutation ${op.name}`;
  if (op.kind === 'grpc') return `rpc ${op.name}`;
  return `trpc ${op.name}`;
}

/** Everything the authors' contract holds, under any of the keys truth.yaml uses. */
function contractKeys(truth) {
  const keys = new Set();
  const add = (key) => keys.add(normalizeKey(key));
  for (const list of [truth.operations, truth.modified_operations, truth.optional_operations, truth.architecture_operations]) for (const key of list ?? []) add(key);
  for (const key of Object.values(truth.http_mappings ?? {})) add(key);
  for (const key of truth.operations ?? []) {
    // `rpc Service.Name` and `query ns.field` are also accepted without the prefix / as written.
    const rpc = /^rpc (\w+)\.(\w+)$/.exec(key);
    if (rpc) keys.add(`rpc ${rpc[2]}`);
  }
  return keys;
}

/** Truth operations whose method and path (or name) are written in the input documents. */
export function statedOperations(truth, inputText) {
  const base = truth.base_path ?? '';
  const written = new Set();
  const add = (method, path) => {
    written.add(normalizeKey(`${method} ${path}`));
    if (base && !path.startsWith(base)) written.add(normalizeKey(`${method} ${base}${path}`));
  };
  const PATH = '(/[\\w{}:<>./-]*)';
  // `POST /x`, a table row `| POST | \`/x\` |`, and the EARS form "a POST request is received at `/x`".
  for (const match of inputText.matchAll(new RegExp(`\\b(${METHODS})\\b(?:[\\s\`*|]*|\\s+requests?\\s+(?:is\\s+|are\\s+)?(?:received|sent|made|issued)\\s+(?:at|to|on)\\s+\`?)${PATH}`, 'g'))) add(match[1], match[2]);
  // Path first: `` `/x` `POST` ``, `| /x | POST |`.
  for (const match of inputText.matchAll(new RegExp(`\`${PATH}\`[\\s*|]*\`?\\b(${METHODS})\\b`, 'g'))) add(match[2], match[1]);
  return (truth.operations ?? []).filter((key) => {
    if (/^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(key)) return written.has(normalizeKey(key));
    // Namespaced names (`task.list`) count only when written whole.
    const name = key.split(' ').pop().replace(/\./g, '\\.');
    return new RegExp(`\`${name}\\b|\\b${name}\\s*\\(|\\brpc\\s+${name}\\b`).test(inputText);
  });
}

const squash = (name) => String(name).toLowerCase().replace(/[^a-z0-9]/g, '');
const singular = (name) => name.replace(/(?:ies)$/, 'y').replace(/(?:ses|xes|ches|shes)$/, (end) => end.slice(0, -2)).replace(/s$/, '');
// Each word in the singular: `contratos_aluguel` and `ContratoAluguel` are one entity, as are `order_items` and `OrderItem`.
const entityKey = (name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => singular(squash(word)))
    .join('');

export function scoreCase({ truth, scope, section, stated }) {
  const contract = contractKeys(truth);
  const reported = [...new Set(scope.operations.map(operationKeyOf))];
  const reportedSet = new Set(reported);
  // A gRPC case with google.api.http rules may be read as REST: the mapped route finds the rpc.
  const mapped = (key) => {
    const rpc = /^rpc (?:\w+\.)?(\w+)$/.exec(key);
    const route = rpc ? truth.http_mappings?.[rpc[1]] : undefined;
    return route ? reportedSet.has(normalizeKey(route)) : false;
  };
  const statedFound = stated.filter((key) => reportedSet.has(normalizeKey(key)) || mapped(key));
  const notInContract = reported.filter((key) => !contract.has(key));

  const optional = new Set((truth.optional_entities ?? []).map(entityKey));
  const dataModel = /### Data model changes([\s\S]*?)(?=\n### |$)/.exec(section)?.[1] ?? '';
  const modelText = squash(dataModel);
  let entities = 0;
  let entitiesFound = 0;
  let fields = 0;
  let fieldsFound = 0;
  const missedEntities = [];
  const missedFields = [];
  for (const [name, truthFields] of Object.entries(truth.entities ?? {})) {
    if (optional.has(entityKey(name))) continue;
    entities++;
    fields += truthFields.length;
    // Existing models the sprint uses unchanged count too: the section lists them with their fields.
    const existing = (scope.existingModels ?? []).map((model) => ({ table: model.name, columns: model.fields }));
    // A table the documents name apart from its class (`@Table(name = "sys_user")` on `User`) answers to either name.
    const ours = [...scope.entities, ...existing].find((entity) => [entity.table, entity.model].some((written) => written && entityKey(written) === entityKey(name)));
    // Found means: read from the documents, and shown in the Data model section.
    if (!ours || !modelText.includes(squash(ours.table))) {
      missedEntities.push(name);
      missedFields.push(...truthFields.map((field) => `${name}.${field}`));
      continue;
    }
    entitiesFound++;
    const columns = new Set(ours.columns.map((column) => squash(column.name)));
    // What the section's ER diagram shows for the table counts too: the key the model adds to a new table
    // that states none (`bigint id PK`, typed as the repository types its keys) is in the Data model section.
    const shown = diagramAttributes(dataModel, ours.table);
    for (const field of truthFields) {
      if ((columns.has(squash(field)) && modelText.includes(squash(field))) || shown.has(squash(field))) fieldsFound++;
      else missedFields.push(`${name}.${field}`);
    }
  }
  return { stated, statedFound, reported, notInContract, entities, entitiesFound, fields, fieldsFound, missedEntities, missedFields };
}

/** Attribute names an `erDiagram` block lists for `table` (`Table {\n  type name PK\n }`), squashed. */
function diagramAttributes(text, table) {
  const names = new Set();
  const escaped = table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const block = new RegExp(`^\\s*"?${escaped}"?\\s*\\{\\n([\\s\\S]*?)^\\s*\\}`, 'm').exec(text);
  for (const line of block?.[1].split('\n') ?? []) {
    const name = /^\s*\S+\s+(\S+)/.exec(line)?.[1];
    if (name) names.add(squash(name));
  }
  return names;
}

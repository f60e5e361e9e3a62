// Operations from a GraphQL SDL: one per root Query/Mutation field, with a
// selection of the fields the contract promises.
import { MagiError, EXIT } from '../errors.js';
import { namedExports } from '../interop.js';
import { upperFirst } from '../naming/case.js';

export interface GraphqlCase {
  name: string;
  identifier: string;
  kind: 'query' | 'mutation';
  /** The operation document sent to the server. */
  document: string;
  todo?: string;
}

export interface GraphqlPlan {
  cases: GraphqlCase[];
}

const MAX_DEPTH = 3;

export async function planGraphql(text: string, path: string): Promise<GraphqlPlan> {
  const graphql = namedExports(await import('graphql'), 'buildSchema');
  let schema: import('graphql').GraphQLSchema;
  try {
    schema = graphql.buildSchema(text);
  } catch (error) {
    throw new MagiError('contract-test.parse', `${path}: not valid GraphQL SDL (${(error as Error).message.split('\n')[0]})`, { exitCode: EXIT.contract, cause: error });
  }

  const selection = (type: import('graphql').GraphQLOutputType, depth: number): string => {
    const named = graphql.getNamedType(type);
    if (graphql.isLeafType(named)) return '';
    if (!graphql.isObjectType(named) && !graphql.isInterfaceType(named)) return ' { __typename }';
    const parts: string[] = [];
    for (const field of Object.values(named.getFields())) {
      if (field.args.some((arg) => graphql.isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      const fieldType = graphql.getNamedType(field.type);
      if (graphql.isLeafType(fieldType)) parts.push(field.name);
      else if (depth < MAX_DEPTH) parts.push(`${field.name}${selection(field.type, depth + 1)}`);
    }
    return ` { ${parts.length > 0 ? parts.join(' ') : '__typename'} }`;
  };

  const cases: GraphqlCase[] = [];
  for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const required = field.args.filter((arg) => graphql.isNonNullType(arg.type) && arg.defaultValue === undefined);
      const operationName = upperFirst(field.name);
      const document = `${kind} ${operationName} { ${field.name}${selection(field.type, 1)} }`;
      cases.push({
        name: `${kind} ${field.name}`,
        identifier: `${kind}_${field.name}`.replace(/[^A-Za-z0-9_]/g, '_'),
        kind,
        document,
        todo: required.length > 0 ? `TODO: needs values for ${required.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')} (seed data)` : undefined,
      });
    }
  }
  if (cases.length === 0) throw new MagiError('contract-test.no-operations', `${path}: the schema has no Query or Mutation fields`, { exitCode: EXIT.contract });
  return { cases };
}

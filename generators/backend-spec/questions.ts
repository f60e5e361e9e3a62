// Every input of `yo magi:backend-spec`, declared once: CLI option, prompt,
// answers-file schema and `.yo-rc.json` storage all come from this list.
import { z } from 'zod';
import { answersFileOption, cliSwitch, type Declaration } from '../../lib/answers/declaration.js';
import { entriesOfKind } from '../../lib/knowledge/index.js';

const relativePath = z
  .string()
  .min(1, 'must not be empty')
  // A pattern, not a refinement: the answers file's JSON Schema carries it too.
  .regex(/^[^\0]*$/, 'must not contain NUL bytes');

export const API_STYLE = z.enum(['rest', 'graphql', 'grpc', 'trpc']);
export const CONFLICT = z.enum(['merge', 'overwrite', 'abort']);
export const CONTRACT_LOCATION = z.enum(['auto', 'inline', 'file']);

type CatalogKind = 'language' | 'framework' | 'orm' | 'database' | 'auth' | 'job' | 'testRunner' | 'packageManager' | 'validation' | 'logger' | 'migrations';

/**
 * A stack fact names a catalog entry: an unknown id would be dropped by every later stage, so it is refused here.
 * An enum, so the answers file's JSON Schema lists the ids too.
 */
const catalogId = (kind: CatalogKind) => z.enum(entriesOfKind(kind).map((entry) => entry.id) as [string, ...string[]]);
const catalogIds = (kind: CatalogKind) =>
  z.union([catalogId(kind), z.array(catalogId(kind))], { error: () => `must be one, or a list, of ${entriesOfKind(kind).map((entry) => entry.id).join(', ')}` });

const stackAnswer = z.strictObject({
  language: catalogId('language').optional(),
  framework: catalogId('framework').optional(),
  orm: catalogId('orm').optional(),
  db: catalogIds('database').optional(),
  auth: catalogIds('auth').optional(),
  jobs: catalogIds('job').optional(),
  service: z.string().optional(),
  // Every other dimension detection may find ambiguous (the "No terminal to ask on" message names stack.<dimension>).
  testRunner: catalogId('testRunner').optional(),
  packageManager: catalogId('packageManager').optional(),
  testDir: z.string().optional(),
  appEntry: z.string().optional(),
  validation: catalogId('validation').optional(),
  logger: catalogId('logger').optional(),
  migrations: catalogId('migrations').optional(),
});

const authzEntry = z.strictObject({
  auth: z.union([z.boolean(), z.string()]).optional(),
  roles: z.array(z.string()).optional(),
  ownership: z.string().optional(),
  justification: z.string().optional(),
});

export const backendSpecQuestions = [
  {
    name: 'sprint',
    description: 'sprint folder (<num>-<slug>) or number; default: the newest sprint',
    schema: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String),
    option: { flag: 'sprint', type: 'string' },
  },
  {
    name: 'apiStyle',
    description: 'API style of the contract: rest|graphql|grpc|trpc (skips detection)',
    schema: API_STYLE,
    option: { flag: 'api-style', type: 'string' },
    prompt: { type: 'list', message: 'Which API style should the contract use?', choices: API_STYLE.options },
    stored: true,
  },
  {
    name: 'scaffoldTest',
    description: 'also scaffold a contract test after confirmation',
    schema: z.boolean(),
    option: { flag: 'scaffold-test', type: 'boolean' },
    prompt: { type: 'confirm', message: 'Scaffold a contract test for this sprint?' },
    stored: true,
  },
  {
    name: 'scaffold',
    description: 'never create files outside the sprint folder (no contract test)',
    schema: z.boolean(),
    option: { flag: 'scaffold', type: 'boolean', negated: true },
    inAnswersFile: false,
  },
  {
    name: 'openapi',
    description: 'existing OpenAPI file to merge the new operations into',
    schema: relativePath,
    option: { flag: 'openapi', type: 'string' },
  },
  answersFileOption(),
  {
    name: 'conflict',
    description: 'existing Backend section: merge|overwrite|abort (default: ask; merge without a TTY)',
    schema: CONFLICT,
    option: { flag: 'conflict', type: 'string' },
    prompt: {
      type: 'list',
      message: 'The document already has a ## Backend section. What should happen to it?',
      choices: CONFLICT.options,
    },
    stored: true,
  },
  cliSwitch('force', 'force', 'write without asking for each file; also skips the preflight'),
  cliSwitch('skipPreflight', 'skip-preflight', 'skip the config and workflow-state checks'),
  cliSwitch('dryRun', 'dry-run', 'show the diff and write nothing'),
  cliSwitch('json', 'json', 'print one JSON report on stdout (logs go to stderr)'),
  {
    name: 'docsDir',
    description: 'folder holding the sprints (default: docs, or magi when that is what the repo uses)',
    schema: relativePath,
    option: { flag: 'docs-dir', type: 'string' },
    stored: true,
  },
  {
    name: 'service',
    description: 'service folder or name in a monorepo',
    schema: relativePath,
    option: { flag: 'service', type: 'string' },
    inAnswersFile: false,
  },
  {
    name: 'stack',
    description: 'stack facts that override detection (language, framework, orm, db, auth, jobs, service)',
    schema: stackAnswer,
  },
  {
    name: 'contractLocation',
    description: 'where the contract goes: auto|inline|file',
    schema: CONTRACT_LOCATION,
    stored: true,
  },
  {
    name: 'populatedTables',
    description: 'tables that already hold production data',
    schema: z.array(z.string().min(1)),
  },
  {
    name: 'authz',
    description: 'authz per operation ("METHOD /path" or operation name): auth, roles, ownership, justification',
    schema: z.record(z.string(), authzEntry),
  },
  {
    name: 'installTestDeps',
    description: "add the contract test's dependencies to the project",
    schema: z.boolean(),
  },
  {
    name: 'confirm',
    description: 'go ahead without the confirmations (overkill warning, writing the section)',
    schema: z.boolean(),
  },
] as const satisfies Declaration;


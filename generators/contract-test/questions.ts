// Inputs of `yo magi:contract-test`, declared once.
import { z } from 'zod';
import { answersFileOption, cliSwitch, type Declaration } from '../../lib/answers/declaration.js';

export const contractTestQuestions = [
  {
    name: 'contract',
    description: "contract file (OpenAPI YAML/JSON, GraphQL SDL or .proto); default: the newest sprint's",
    schema: z.string().min(1),
    option: { flag: 'contract', type: 'string' },
  },
  {
    name: 'framework',
    description: 'contract-test template to use (default: the detected framework)',
    schema: z.string().min(1),
    option: { flag: 'framework', type: 'string' },
  },
  {
    name: 'feature',
    description: "feature slug for the test file's name (default: the sprint's slug)",
    schema: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case slug like order-refunds'),
    option: { flag: 'feature', type: 'string' },
  },
  {
    name: 'out',
    description: 'path of the test file to write (default: the repo convention)',
    schema: z.string().min(1),
    option: { flag: 'out', type: 'string' },
  },
  {
    name: 'service',
    description: 'service folder or name in a monorepo',
    schema: z.string().min(1),
    option: { flag: 'service', type: 'string' },
  },
  {
    name: 'installTestDeps',
    description: "add the test's dependencies to the project with its package manager",
    schema: z.boolean(),
    option: { flag: 'install-test-deps', type: 'boolean' },
  },
  answersFileOption(),
  cliSwitch('force', 'force', 'write without asking'),
  cliSwitch('dryRun', 'dry-run', 'print what would be written and write nothing'),
  cliSwitch('json', 'json', 'print one JSON report on stdout'),
] as const satisfies Declaration;

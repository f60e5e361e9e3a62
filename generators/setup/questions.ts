// Inputs of `yo magi:setup`, declared once (options, prompts, answers file).
import { z } from 'zod';
import { answersFileOption, cliSwitch, type Declaration } from '../../lib/answers/declaration.js';
import { API_STYLE, CONFLICT } from '../backend-spec/questions.js';

export const LANGUAGE = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like en or zh-TW');

export const setupQuestions = [
  {
    name: 'outputLanguage',
    description: 'language of the generated prose (en, zh-TW, …); headings and code stay English',
    schema: LANGUAGE,
    option: { flag: 'output-language', type: 'string' },
    prompt: { type: 'list', message: 'Language of the generated prose?', choices: ['zh-TW', 'en'] },
  },
  {
    name: 'docsDir',
    description: 'folder holding the sprints (docs or magi)',
    schema: z.string().min(1),
    option: { flag: 'docs-dir', type: 'string' },
    prompt: { type: 'input', message: 'Folder holding the sprints?' },
  },
  {
    name: 'apiStyle',
    description: 'default API style: rest|graphql|grpc|trpc',
    schema: API_STYLE,
    option: { flag: 'api-style', type: 'string' },
    prompt: { type: 'list', message: 'Default API style?', choices: API_STYLE.options },
  },
  {
    name: 'scaffoldTest',
    description: 'scaffold contract tests by default',
    schema: z.boolean(),
    option: { flag: 'scaffold-test', type: 'boolean' },
    prompt: { type: 'confirm', message: 'Scaffold contract tests by default?' },
  },
  {
    name: 'conflict',
    description: 'default for an existing Backend section: merge|overwrite|abort',
    schema: CONFLICT,
    option: { flag: 'conflict', type: 'string' },
    prompt: { type: 'list', message: 'When a Backend section exists, by default:', choices: CONFLICT.options },
  },
  {
    name: 'project',
    description: "write the project's .yo-rc.json instead of the workflow's global config",
    schema: z.boolean(),
    option: { flag: 'project', type: 'boolean' },
  },
  answersFileOption(),
  cliSwitch('force', 'force', 'overwrite the config file without asking'),
  cliSwitch('json', 'json', 'print one JSON object on stdout (logs go to stderr)'),
] as const satisfies Declaration;

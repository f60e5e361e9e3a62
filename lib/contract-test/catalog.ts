// The contract-test stage's lookups into lib/knowledge: templates are declared
// on the framework (or API style) entries; runners and package managers bring
// their own facts. Templates live in templates/contract-test/<id>/test.ejs.
import {
  CONTRACT_TEST_TEMPLATES, knowledgeOf,
  type ContractKind, type ContractTestLanguage, type ContractTestTemplate, type Ecosystem,
} from '../knowledge/index.js';

export type Language = ContractTestLanguage;
export type ContractKindIn = ContractKind;
export type StackEntry = ContractTestTemplate;

export const STACKS: readonly StackEntry[] = CONTRACT_TEST_TEMPLATES;

export function findStack(id: string): StackEntry | undefined {
  return STACKS.find((stack) => stack.id === id);
}

/** Runner packages, added to a stack's own dependencies. */
export function runnerDependencies(runner: string): string[] {
  return knowledgeOf('testRunner', runner)?.contractTestDependencies ?? [];
}

const TEMPLATE_LANGUAGE: Partial<Record<Ecosystem, Language>> = { node: 'typescript', python: 'python', go: 'go', ruby: 'ruby', rust: 'rust' };

/** The command that adds development packages: the requested package manager when it serves the test's language, else the language's default. */
export function addDevCommand(language: Language, requested: string | undefined): { addDev: string; suffix?: string } {
  const fits = (id: string | undefined) => {
    const manager = knowledgeOf('packageManager', id);
    return manager?.addDev && TEMPLATE_LANGUAGE[manager.ecosystems[0]] === language ? manager : undefined;
  };
  const manager = fits(requested) ?? fits(knowledgeOf('language', language)?.defaults.packageManager);
  if (!manager?.addDev) throw new Error(`no package manager adds ${language} packages`);
  return { addDev: manager.addDev, suffix: manager.addDevSuffix };
}

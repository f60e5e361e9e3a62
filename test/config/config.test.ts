import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configCandidates, loadConfig, mergeConfig } from '../../lib/config/index.js';
import { isMagiError } from '../../lib/errors.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

function setup(files: Record<string, string>) {
  const home = writeTree(tempDir(), {});
  const cwd = writeTree(tempDir(), {});
  for (const [file, text] of Object.entries(files)) writeTree(file.startsWith('~/') ? home : cwd, { [file.replace(/^~\//, '')]: text });
  return { home, cwd };
}

describe('config lookup order', () => {
  it('prefers $MAGI_CONFIG_PATH, then the two workflow paths, then .yo-rc.json', () => {
    const { home, cwd } = setup({
      'custom.json': '{"output_language": "ja"}',
      '~/.config/magi-workflow-workflow/config.json': '{"output_language": "en"}',
      '~/.config/magi-workflow/config.json': '{"output_language": "fr"}',
      '.yo-rc.json': '{"generator-magi": {"outputLanguage": "de"}}',
    });
    expect(loadConfig({ cwd, home, env: { MAGI_CONFIG_PATH: 'custom.json' } })?.outputLanguage).toBe('ja');
    expect(loadConfig({ cwd, home, env: {} })?.outputLanguage).toBe('en');
    expect(configCandidates({ cwd, home, env: {} }).map((candidate) => candidate.kind)).toEqual(['workflow', 'workflow-new', 'project']);
  });

  it('falls through to the newer workflow path, then to .yo-rc.json', () => {
    const both = setup({ '~/.config/magi-workflow/config.json': '{"output_language": "fr"}', '.yo-rc.json': '{"generator-magi": {"outputLanguage": "de"}}' });
    expect(loadConfig({ ...both, env: {} })?.outputLanguage).toBe('fr');
    const project = setup({ '.yo-rc.json': '{"generator-magi": {"outputLanguage": "de", "docsDir": "magi"}}' });
    const config = loadConfig({ ...project, env: {} });
    expect(config?.sourceKind).toBe('project');
    expect(config?.defaults.docsDir).toBe('magi');
  });

  it('finds nothing when no file exists, or .yo-rc.json lacks our key', () => {
    expect(loadConfig({ ...setup({}), env: {} })).toBeUndefined();
    expect(loadConfig({ ...setup({ '.yo-rc.json': '{"generator-other": {}}' }), env: {} })).toBeUndefined();
  });

  it('defaults the language to zh-TW and ignores unknown keys', () => {
    const files = setup({ '~/.config/magi-workflow-workflow/config.json': '{"models": ["a"], "theme": 3}' });
    const config = loadConfig({ ...files, env: {} });
    expect(config?.outputLanguage).toBe('zh-TW');
    expect(config?.raw).toEqual({ models: ['a'], theme: 3 });
  });

  it('refuses a config that is not JSON, naming the file', () => {
    const files = setup({ '~/.config/magi-workflow-workflow/config.json': '{"output_language": ' });
    try {
      loadConfig({ ...files, env: {} });
      expect.unreachable();
    } catch (error) {
      expect(isMagiError(error)).toBe(true);
      expect((error as Error).message).toContain(path.join('magi-workflow-workflow', 'config.json'));
    }
  });

  it('refuses a MAGI_CONFIG_PATH that does not exist', () => {
    expect(() => loadConfig({ ...setup({}), env: { MAGI_CONFIG_PATH: 'missing.json' } })).toThrow(/MAGI_CONFIG_PATH/);
  });
});

describe('setup keeps every key of a shared config', () => {
  it('updates output_language and our defaults only', () => {
    const existing = { output_language: 'en', models: ['x'], 'generator-magi': { docsDir: 'docs', extra: 1 } };
    expect(mergeConfig(existing, { outputLanguage: 'zh-TW', defaults: { apiStyle: 'graphql', docsDir: undefined } }, 'workflow')).toEqual({
      output_language: 'zh-TW',
      models: ['x'],
      'generator-magi': { docsDir: 'docs', extra: 1, apiStyle: 'graphql' },
    });
  });

  it('writes the language under our key in .yo-rc.json', () => {
    expect(mergeConfig({ 'generator-x': { a: 1 } }, { outputLanguage: 'en', defaults: { conflict: 'merge' } }, 'project')).toEqual({
      'generator-x': { a: 1 },
      'generator-magi': { conflict: 'merge', outputLanguage: 'en' },
    });
  });
});

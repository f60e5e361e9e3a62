// The key type of a Rails app whose tables take the default key: schema.rb types every reference
// as the key it points to (`t.integer "author_id"` before Rails 5.1, `t.bigint` after).
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { detectStack } from '../../lib/stack/index.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const schema = (type: string) => [
  'ActiveRecord::Schema.define(version: 20160101000000) do',
  '  create_table "comments", force: :cascade do |t|',
  '    t.text     "body"',
  `    t.${type}  "article_id"`,
  `    t.${type}  "user_id"`,
  '  end',
  'end',
  '',
].join('\n');

async function keyOf(type: string) {
  const root = writeTree(tempDir('magi-keys-'), { Gemfile: "gem 'rails', '4.2.6'\ngem 'pg'\n", 'config/application.rb': 'module Blog\n  class Application < Rails::Application\n  end\nend\n', 'db/schema.rb': schema(type) });
  made.push(root);
  return (await detectStack(root)).services[0]?.layout?.primaryKey;
}

describe('Active Record default keys read from schema.rb references', () => {
  it.each([['integer', 'integer'], ['bigint', 'bigint']])('t.%s "x_id" gives %s keys', async (written, type) => {
    expect(await keyOf(written)).toEqual({ type, evidence: [{ file: 'db/schema.rb', line: 4 }] });
  });

  it('a text column named like a key says nothing', async () => {
    expect(await keyOf('string')).toBeUndefined();
  });
});

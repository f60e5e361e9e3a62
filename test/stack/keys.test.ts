// The key type of a Rails app whose tables take the default key: schema.rb types every reference
// as the key it points to (`t.integer "author_id"` before Rails 5.1, `t.bigint` after).
import { describe, expect, it } from 'vitest';
import { detectedService } from '../helpers/detect.js';

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
  const service = await detectedService({ Gemfile: "gem 'rails', '4.2.6'\ngem 'pg'\n", 'config/application.rb': 'module Blog\n  class Application < Rails::Application\n  end\nend\n', 'db/schema.rb': schema(type) });
  return service?.layout?.primaryKey;
}

describe('Active Record default keys read from schema.rb references', () => {
  it.each([['integer', 'integer'], ['bigint', 'bigint']])('t.%s "x_id" gives %s keys', async (written, type) => {
    expect(await keyOf(written)).toEqual({ type, evidence: [{ file: 'db/schema.rb', line: 4 }] });
  });

  it('a text column named like a key says nothing', async () => {
    expect(await keyOf('string')).toBeUndefined();
  });
});

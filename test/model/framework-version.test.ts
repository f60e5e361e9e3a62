// The framework's version picks a tool's commands: Rails before 5.0 ran its tasks and tests with rake.
import { describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { d } from './fixtures.js';
import { railsSubscriptions } from './stacks.js';

function railsAt(version: string | undefined) {
  const input = railsSubscriptions();
  const stack = input.service!;
  stack.framework = { ...d('rails', 'config/application.rb', 1), ...(version ? { version } : {}) };
  stack.migrations = d('rails-migrations', 'db/migrate/20160712045707_devise_create_users.rb');
  stack.testRunner = d('minitest', 'test/test_helper.rb');
  stack.testDir = d('test', 'test/test_helper.rb');
  return buildBackendSpec(input);
}

describe('commands by framework version', () => {
  it('Rails 4.2 migrates, rolls back and tests with rake', () => {
    const spec = railsAt('4.2.6');
    expect([spec.dataModel.applyCommand, spec.dataModel.rollbackCommand]).toEqual(['bin/rake db:migrate', 'bin/rake db:rollback STEP=1']);
    expect(spec.testPlan.commands[0].command).toBe('bin/rake test TEST=test/services/pause_subscriptions_test.rb');
  });

  it('Rails 5 and later, or an unknown version, keep bin/rails', () => {
    for (const version of ['~> 7.1', '5.0.0', undefined]) {
      const spec = railsAt(version);
      expect(spec.dataModel.applyCommand).toBe('bin/rails db:migrate');
      expect(spec.testPlan.commands[0].command).toBe('bin/rails test test/services/pause_subscriptions_test.rb');
    }
  });
});

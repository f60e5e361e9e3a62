// A sprint that manages roles as data (`POST /roles`): "create a role", "a role
// named admin" speak of the resource, not of who may call; rules stated with
// actor words still hold.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';

const SPEC = `# Sprint 04: team roles

**Input**: "Let admins add Role records and give them to users."

## Stories

- An operator can create a role with a unique name; the new role is returned with its id.
- Given a role named "auditor" exists, When a client sends POST /v1/roles with name "auditor", Then it gets 409.

## API / Data contracts

- \`POST /v1/roles\` creates a role: \`name\` (string, required).
- \`GET /v1/roles\` lists roles.
- \`PUT /v1/users/{userId}/roles/{roleId}\` gives a user a role.
- Only admins may create roles or assign them to users.

## Data model

- New table \`roles\` (id uuid, name text, created_at timestamptz).
- **Assignment**: Links a user to a role. Attributes: status, timestamps.
`;

describe('roles as the sprint’s own resource', () => {
  const scope = extractScope(SPEC);

  it('takes no role name from "add Role", "create a role", "the new role" or a quoted role value', () => {
    const roles = scope.authz.flatMap((rule) => rule.roles);
    expect(roles).not.toContain('add');
    expect(roles).not.toContain('create');
    expect(roles).not.toContain('new');
    expect(roles).not.toContain('auditor');
  });

  it('keeps the rule the document states with an actor word', () => {
    const admins = scope.authz.find((rule) => rule.roles.some((role) => /^admins?$/.test(role)));
    expect(admins?.operations).toContain('POST /v1/roles');
  });

  it('cites every name at a line that states it ("timestamps" gives created_at and updated_at)', () => {
    expect(provenanceGaps(scope, [SPEC])).toEqual([]);
  });
});

describe('roles as who may call', () => {
  it('still reads "the auditor role" where the sprint has no roles resource', () => {
    const scope = extractScope(`# S\n\n## API / Data contracts\n\n- \`GET /v1/reports\` lists reports. Only the auditor role may list reports.\n`);
    expect(scope.authz.flatMap((rule) => rule.roles)).toContain('auditor');
  });
});

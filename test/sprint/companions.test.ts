// A sprint input is the whole feature folder: the plan document plus the
// spec-kit / Kiro documents beside it or in a folder it links to.
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';
import { readCompanions } from '../../lib/sprint/companions.js';
import { locateSprint } from '../../lib/sprint/index.js';
import { locateLine, operationKey } from '../../lib/types.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const OPENAPI = [
  'openapi: 3.1.0',
  'info: { title: Parcels, version: 1.0.0 }',
  'servers:',
  '  - url: https://api.example.test/v2',
  'paths:',
  '  /parcels/{parcelId}:',
  '    get:',
  '      responses:',
  "        '200': { description: ok }",
  '',
].join('\n');

describe('a spec-kit feature folder as the sprint', () => {
  const root = writeTree(tempDir(), {
    'docs/07-parcel-tracking/spec.md': '# Parcel tracking\n\n## Requirements\n\n- FR-001: customers see where a parcel is.\n',
    'docs/07-parcel-tracking/plan.md': '# Plan\n\n- `POST /v2/parcels` registers a parcel `{trackingCode, carrier}`.\n',
    'docs/07-parcel-tracking/data-model.md': '# Data Model\n\n## Entities\n\n### Parcel\n\n| Field | Type |\n|---|---|\n| id | uuid |\n| tracking_code | text |\n',
    'docs/07-parcel-tracking/contracts/parcels.yaml': OPENAPI,
    'docs/07-parcel-tracking/tasks.md': '- [ ] `DELETE /v2/everything` is a task, not an input\n',
  });
  const sprint = locateSprint({ root });

  it('takes spec.md as the plan document when there is no SPEC.md', () => {
    expect(sprint.document?.path).toBe('docs/07-parcel-tracking/spec.md');
  });

  it('reads plan.md, data-model.md and the contracts, and nothing else', () => {
    const companions = readCompanions(root, sprint.document!.absolutePath, '');
    expect(companions.map((document) => [document.path, document.kind])).toEqual([
      ['docs/07-parcel-tracking/plan.md', 'markdown'],
      ['docs/07-parcel-tracking/data-model.md', 'markdown'],
      ['docs/07-parcel-tracking/contracts/parcels.yaml', 'yaml'],
    ]);
  });

  it('states facts from every document, each traced to its own file and line', () => {
    const main = '# Parcel tracking\n\n## Requirements\n\n- FR-001: customers see where a parcel is.\n';
    const companions = readCompanions(root, sprint.document!.absolutePath, main);
    const scope = extractScope(main, companions);
    expect(scope.operations.map(operationKey)).toEqual(['POST /v2/parcels', 'GET /v2/parcels/{parcelId}']);
    expect(scope.entities.map((entity) => [entity.table, entity.columns.map((column) => column.name)])).toEqual([['Parcel', ['id', 'tracking_code']]]);
    const create = scope.operations[0];
    expect(locateLine(scope.sources, create.line)).toEqual({ path: 'docs/07-parcel-tracking/plan.md', line: 3 });
    const read = scope.operations[1];
    expect(locateLine(scope.sources, read.line)).toEqual({ path: 'docs/07-parcel-tracking/contracts/parcels.yaml', line: 6 });
    expect(provenanceGaps(scope, [main, ...companions.map((document) => document.text)])).toEqual([]);
  });
});

describe('a plan document that links to a Kiro spec folder', () => {
  const root = writeTree(tempDir(), {
    'docs/03-returns/SPEC.md': '# Returns\n\nDesign: [the Kiro spec](../../.kiro/specs/returns/)\n',
    '.kiro/specs/returns/requirements.md': '# Requirements\n\n1. WHEN a customer asks for a return THEN the system SHALL record it.\n',
    '.kiro/specs/returns/design.md': '# Design\n\n## API Endpoints\n\n- `POST /api/returns` - record a return\n',
    'outside.md': 'not linked',
  });
  const sprint = locateSprint({ root });
  const text = '# Returns\n\nDesign: [the Kiro spec](../../.kiro/specs/returns/)\n';

  it('reads the linked folder\'s documents', () => {
    const companions = readCompanions(root, sprint.document!.absolutePath, text);
    expect(companions.map((document) => document.path)).toEqual(['.kiro/specs/returns/requirements.md', '.kiro/specs/returns/design.md']);
    expect(extractScope(text, companions).operations.map(operationKey)).toEqual(['POST /api/returns']);
  });

  it('never follows a link out of the repository, not even through a symlink', () => {
    const outside = writeTree(tempDir(), { 'design.md': '- `POST /api/stolen` - no\n' });
    symlinkSync(outside, path.join(root, 'docs/03-returns/elsewhere'));
    const linked = `${text}\nSee [there](../../../${path.basename(outside)}/design.md) and [here](elsewhere/design.md).\n`;
    const companions = readCompanions(root, sprint.document!.absolutePath, linked);
    expect(companions.map((document) => document.path)).not.toContain('docs/03-returns/elsewhere/design.md');
    expect(companions.every((document) => !document.text.includes('/api/stolen'))).toBe(true);
  });
});

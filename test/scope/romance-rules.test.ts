// Access rules written in Portuguese or Spanish: "Somente moderadores podem …" names a role
// of the fixed vocabulary and the operations its verb does; "não pode" / "no puede" denies.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const story = (rules: string[]) => `# História 3.2: Moderação de comentários

## Acceptance Criteria

${rules.map((rule, index) => `${index + 1}. ${rule}`).join('\n')}

## Tasks / Subtasks

- [ ] \`POST /api/comments/:id/flags\` cria uma sinalização (AC: 1)
- [ ] \`GET /api/flags\` lista as sinalizações (AC: 2)
- [ ] \`PUT /api/flags/:id\` resolve uma sinalização (AC: 3)
- [ ] \`DELETE /api/flags/:id\` exclui uma sinalização (AC: 4)
`;

const rules = (lines: string[]) => extractScope(story(lines)).authz.map(({ roles, operations }) => ({ roles, operations }));

describe('Portuguese and Spanish access rules', () => {
  it('"Somente moderadores podem listar …" and "Apenas administradores podem excluir …" name the role and the operation of the verb', () => {
    expect(rules(['Somente moderadores podem listar as sinalizações abertas.', 'Apenas administradores podem excluir uma sinalização.'])).toEqual([
      { roles: ['moderator'], operations: ['GET /api/flags'] },
      { roles: ['admin'], operations: ['DELETE /api/flags/{id}'] },
    ]);
  });

  it('reads Spanish, and an action verb ("resolver") names the update', () => {
    expect(rules(['Solo los administradores pueden resolver una sinalización.'])).toEqual([{ roles: ['admin'], operations: ['PUT /api/flags/{id}'] }]);
  });

  it('"não pode" and "no puede" deny: no rule grants access', () => {
    expect(rules(['O autor do comentário não pode sinalizar o próprio comentário.', 'Un moderador no puede borrar una sinalización.'])).toEqual([]);
  });

  it('"denunciar" (report) is a create: "Somente revisores podem denunciar …" names the POST', () => {
    expect(rules(['Somente revisores podem denunciar um comentário.'])).toEqual([{ roles: ['reviewer'], operations: ['POST /api/comments/{id}/flags'] }]);
  });
});

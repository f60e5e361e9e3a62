import { it } from 'vitest';
import { backendSpecQuestions } from '../../generators/backend-spec/questions.js';
import { parseAnswers } from '../../lib/answers/load.js';
it('probe', () => {
  for (const depth of [500, 2000, 8000, 20000]) {
    for (const open of ['[', '{"a":', '- ', 'a:\n ']) {
      const text = open === '[' ? '['.repeat(depth) + ']'.repeat(depth) : open.startsWith('{') ? open.repeat(depth) + '1' + '}'.repeat(depth) : open.repeat(depth) + 'x';
      const t = performance.now();
      let msg = '';
      try { parseAnswers(text, 'a.yaml', backendSpecQuestions); } catch (e) { msg = (e as Error).message.slice(0, 80); }
      console.log(depth, JSON.stringify(open), Math.round(performance.now() - t), 'ms', msg);
    }
  }
});

import { parseAnswers } from '../../lib/answers/load.js';
import { backendSpecQuestions } from '../../generators/backend-spec/questions.js';
const tries: Record<string,string> = {
  deepJson: '['.repeat(100000) + ']'.repeat(100000),
  deepYamlFlow: 'sprint: ' + '['.repeat(100000) + ']'.repeat(100000),
  deepYamlBlock: Array.from({length: 5000}, (_, i) => ' '.repeat(i) + 'k' + i + ':').join('\n') + ' x',
  deepSeq: Array.from({length: 5000}, (_, i) => ' '.repeat(i*2) + '- ').join('\n') + 'x',
  proto: '__proto__: {sprint: 1}',
  tag: 'sprint: !!binary aGVsbG8=',
  set: 'sprint: !!set {a, b}',
  ts: 'sprint: !!timestamp 2001-12-14',
  weird: '? [a]\n: b',
  str: 'hello',
};
for (const [name, text] of Object.entries(tries)) {
  try { const r = parseAnswers(text, name.startsWith('deepJson') ? 'a.json' : 'a.yaml', backendSpecQuestions); console.log(name, 'ok', JSON.stringify(r).slice(0,100)); }
  catch (e: any) { console.log(name, e?.name, e?.id, String(e?.message).slice(0, 150)); }
}
import { it } from 'vitest';
it('probe', () => {});

// Open questions and warnings raised while building the spec. `text`/`message`
// are English for the CLI report and --json; the templates phrase `code` + `params`.

import type { ModelWarning, RankedQuestion } from './spec-types.js';

export class Findings {
  readonly questions: Array<Omit<RankedQuestion, 'top'>> = [];
  readonly warnings: ModelWarning[] = [];

  ask(code: string, text: string, weight: number, params: Record<string, string>, source = 'model'): void {
    this.questions.push({ code, text, weight, params, source });
  }

  warn(code: string, message: string, params: Record<string, string> = {}): void {
    const duplicate = this.warnings.some((w) => w.code === code && JSON.stringify(w.params ?? {}) === JSON.stringify(params));
    if (!duplicate) this.warnings.push({ code, message, params });
  }
}

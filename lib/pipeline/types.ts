// The backend-spec pipeline's data: what a run is given, what `prepare` read,
// what the user decided and what `plan` returns. In their own module so the
// steps (prepare, decide, plan, report) share them without importing each other.
import type { MagiConfig } from '../config/index.js';
import type { ConflictMode, GateResult } from '../gate/index.js';
import type { PreflightResult } from '../preflight/index.js';
import type { JsonReport, ReportFile } from '../report/index.js';
import type { PlanDocument } from '../sprint/document.js';
import type { Sprint } from '../sprint/index.js';
import type { ApiStyle, OpenQuestion, Scope, ServiceStack, StackReport, Warning } from '../types.js';
import type { PlannedWrite } from './files.js';
import type { StackAnswer } from './stack-choice.js';

export interface RunContext {
  root: string;
  home: string;
  env: Record<string, string | undefined>;
  /** package.json version, for the report. */
  toolVersion: string;
}

export interface BackendSpecInputs {
  sprint?: string;
  apiStyle?: ApiStyle;
  scaffoldTest?: boolean;
  scaffold?: boolean;
  openapi?: string;
  conflict?: ConflictMode;
  force?: boolean;
  skipPreflight?: boolean;
  dryRun?: boolean;
  docsDir?: string;
  service?: string;
  stack?: StackAnswer;
  contractLocation?: 'auto' | 'inline' | 'file';
  populatedTables?: string[];
  authz?: Record<string, { auth?: boolean | string; roles?: string[]; ownership?: string; justification?: string }>;
  installTestDeps?: boolean;
  confirm?: boolean;
  answers?: string;
  json?: boolean;
}

export interface Prepared {
  /** Releases the sprint's lock (also released when the process exits). */
  release: () => void;
  context: RunContext;
  inputs: BackendSpecInputs;
  config?: MagiConfig;
  sprint: Sprint;
  preflight: PreflightResult;
  document: PlanDocument;
  hasSection: boolean;
  stackReport: StackReport;
  /** Undefined when the repo has several services and none was chosen yet. */
  service?: ServiceStack;
  scope: Scope;
  /** API styles worth offering, best first. */
  apiStyleCandidates: ApiStyle[];
  warnings: Warning[];
  questions: OpenQuestion[];
}

export interface Decisions {
  service?: ServiceStack;
  apiStyle: ApiStyle;
  conflict: ConflictMode;
  scaffoldTest: boolean;
  /** The user was asked and went on despite an `overkill` warning. */
  extraQuestions?: OpenQuestion[];
}

export interface Plan {
  writes: PlannedWrite[];
  /** Every file we considered, with its status (unchanged ones included). */
  files: ReportFile[];
  gate: GateResult;
  documentBefore: string;
  documentAfter: string;
  report: JsonReport;
  renderWarnings: Warning[];
}

// The schema change of a sprint as plain data, typed once, for the form
// renderers: one renderer per ChangeForm turns it into the tool's own code.

import type { ChangeForm } from '../../knowledge/index.js';

export type { ChangeForm };

/** Column types every form maps to its own (`uuid` → `String @db.Uuid`, `sa.Uuid()`, `:uuid`…). */
export type ColumnKind = 'uuid' | 'text' | 'integer' | 'bigint' | 'boolean' | 'timestamptz' | 'date' | 'numeric' | 'jsonb' | 'enum';

/** A default as the forms need it: a constant, the current time, a new uuid, or other SQL. */
export type DefaultValue =
  | { kind: 'constant'; value: string | number | boolean }
  | { kind: 'now' }
  | { kind: 'uuid' }
  | { kind: 'sql'; sql: string };

export interface FormColumn {
  name: string;
  kind: ColumnKind;
  /** The SQL type the plan gives it on this database (what the SQL form writes). */
  sqlType: string;
  /** `numeric(10,2)`: precision and scale when the spec states them. */
  precision?: { digits: number; scale: number };
  primaryKey: boolean;
  nullable: boolean;
  default?: DefaultValue;
  unique: boolean;
  references?: { table: string; column: string };
  /** Allowed values (kind `enum`). */
  values?: string[];
}

/** An index the plan adds (foreign keys, uniques of one column and checks travel on the columns). */
export interface FormIndex {
  name: string;
  columns: Array<{ name: string; desc: boolean }>;
  unique: boolean;
  /** Partial index condition, SQL (`status = 'pending'`). */
  where?: string;
  /** Built without blocking writes (a populated table). */
  online: boolean;
}

export interface FormTable {
  table: string;
  change: 'create' | 'alter';
  /** An existing table that holds rows: the online plan changes it step by step. */
  populated: boolean;
  columns: FormColumn[];
  indexes: FormIndex[];
  /** Named constraints from the plan, by column: unique (`…_key`), foreign key (`…_fkey`), check (`…_check`). */
  constraintNames: Record<string, { unique?: string; foreignKey?: string; check?: string }>;
  /** A key of two columns (a junction's keys to the tables it joins); those columns have `primaryKey` false. */
  primaryKey?: string[];
}

/** The sprint's whole schema change, in migration order. */
export interface SchemaChange {
  tables: FormTable[];
  /** Database id (`postgres`, `mysql`, `sqlite`): picks dialect types. */
  database?: string;
  /** The SQL tool's up/down markers (goose). */
  sqlMarkers?: { up: string; down: string };
}

/** What one migration row undoes, for the Rollback column. */
export interface RollbackStep {
  kind: 'create-table' | 'add-columns' | 'create-index' | 'support-table';
  table: string;
  columns: string[];
  /** Columns among them that are foreign keys to an `id` (Django names the field without `_id`). */
  foreignKeys?: string[];
  index?: string;
}

export interface FormRenderer {
  form: ChangeForm;
  /** Fence language of the block. */
  language: string;
  /** Whether the block shows this table (default: every table). */
  shows?(table: FormTable): boolean;
  /** One block for the whole change. */
  block(change: SchemaChange): string;
  /** A row's rollback in the tool's form; absent: the SQL statement stays (Prisma and Drizzle roll back with generated SQL). */
  rollback?(step: RollbackStep): string;
}

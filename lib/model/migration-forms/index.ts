// One renderer per change form: the migration plan shows the sprint's schema
// change the way the repository's tool writes it.

import { alembicForm } from './alembic.js';
import { djangoForm } from './django.js';
import { drizzleForm } from './drizzle.js';
import { laravelForm } from './laravel.js';
import { prismaForm } from './prisma.js';
import { railsForm } from './rails.js';
import { sqlForm } from './sql.js';
import type { ChangeForm, FormRenderer } from './types.js';

export * from './types.js';
export { columnKind, defaultOf, precisionOf } from './columns.js';

export const FORMS: Partial<Record<ChangeForm, FormRenderer>> = {
  sql: sqlForm,
  'prisma-schema': prismaForm,
  'alembic-op': alembicForm,
  'rails-dsl': railsForm,
  'django-models': djangoForm,
  'drizzle-table': drizzleForm,
  'laravel-schema': laravelForm,
};

// Short sprint documents more than one test folder reads.

/** EARS acceptance criteria that state error statuses, one of them a "not the author" 403. */
export const RECIPE_SHARING_EARS = [
  '# Recipe sharing',
  '',
  '## API',
  '',
  '- `POST /v1/recipes` — add a recipe with `title` and `steps`',
  '- `DELETE /v1/recipes/{id}` — remove a recipe',
  '- `POST /v1/recipes/{id}/share` — share a recipe',
  '',
  '## Acceptance criteria',
  '',
  '1. WHEN a user who is not the author removes a recipe THEN the system SHALL return 403',
  '2. WHEN a user shares a recipe that is already shared THEN the system SHALL respond with 409 Conflict',
  '3. WHEN a user adds a recipe without a title THEN the system SHALL return 422',
  '4. WHEN the recipe does not exist THEN the system SHALL return `404`',
].join('\n');

// The naming kit: casing and number, one module each.
export { camelCase, humanize, kebabCase, pascalCase, snakeCase, upperFirst, upperSnakeCase, words } from './case.js';
export { isPlural, plural, singular } from './number.js';
export { columnKindOf, isKeyName, isRowParam, type ColumnKind } from './column-kind.js';

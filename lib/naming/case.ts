// Casing: the one way a name becomes PascalCase, camelCase, snake_case or
// kebab-case. Words split at separators, at a lower→upper change and at the
// end of an acronym (`HTTPServer` → http server; `OAuth` stays one word).

/** Lower-case words of an identifier or phrase; anything but ASCII letters and digits separates. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]{2,})([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function pascalCase(name: string): string {
  return words(name).map(upperFirst).join('');
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export function snakeCase(name: string): string {
  return words(name).join('_');
}

export function kebabCase(name: string): string {
  return words(name).join('-');
}

export function upperSnakeCase(name: string): string {
  return snakeCase(name).toUpperCase();
}

/** `createOrderRefund` → `Create order refund`. */
export function humanize(name: string): string {
  return upperFirst(words(name).join(' '));
}

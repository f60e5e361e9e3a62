// A CommonJS package loaded with `await import()` shows its named exports
// under Node, but only a `default` once bundled. This picks whichever holds them.
export function namedExports<T extends object>(loaded: T, probe: keyof T): T {
  if (typeof loaded[probe] !== 'undefined') return loaded;
  return (loaded as unknown as { default: T }).default;
}

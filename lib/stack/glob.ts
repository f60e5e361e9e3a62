// A small glob-to-RegExp converter for catalog file signals (`**`, `*`, `?`, `{a,b}`).
// The catalog's globs are few and simple; a full matcher would be a heavier import.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let out = '';
  let i = 0;
  let braceDepth = 0;
  while (i < glob.length) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 3 : 2;
        continue;
      }
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '{') {
      braceDepth++;
      out += '(?:';
    } else if (ch === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (ch === ',' && braceDepth > 0) {
      out += '|';
    } else {
      out += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    i++;
  }
  const re = new RegExp(`^${out}$`);
  cache.set(glob, re);
  return re;
}

/** Literal file names a glob's last segment can have, or undefined when it has wildcards. */
export function literalBasenames(glob: string): string[] | undefined {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  if (/[*?]/.test(last)) return undefined;
  const brace = /^([^{]*)\{([^}]*)\}(.*)$/.exec(last);
  if (!brace) return [last];
  return brace[2].split(',').map((part) => brace[1] + part + brace[3]);
}

/** Extensions (`.ts`) a glob's last segment is limited to, when it has the shape `*.ext` / `*.{a,b}`. */
export function literalExtensions(glob: string): string[] | undefined {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  const single = /^[^{}]*\.([A-Za-z0-9]+)$/.exec(last);
  if (single) return [`.${single[1]}`];
  const multi = /^[^{}]*\.\{([A-Za-z0-9,]+)\}$/.exec(last);
  if (multi) return multi[1].split(',').map((ext) => `.${ext}`);
  return undefined;
}

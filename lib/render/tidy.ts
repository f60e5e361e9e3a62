// Make generated Markdown lint clean whatever the templates' whitespace:
// no trailing spaces, no runs of blank lines (outside fences), one final newline.

export function tidyMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const raw of markdown.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.replace(/[ \t]+$/, '');
    const marker = line.match(/^(`{3,}|~{3,})/)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker))) {
      fence = fence ? undefined : marker;
      out.push(line);
      continue;
    }
    if (!fence && line === '' && out[out.length - 1] === '') continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

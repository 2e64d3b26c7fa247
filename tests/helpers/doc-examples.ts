/**
 * The code examples of a rule doc: fenced js/ts blocks under `### Incorrect` and `### Correct` headings.
 * An example may set the rule's options with an HTML comment right above its fence:
 * `<!-- options: {"maxAttempts": 60} -->`.
 */
export interface Example {
  kind: 'incorrect' | 'correct';
  lang: string;
  code: string;
  /** The 0-based index of the example's first code line in the doc. */
  line: number;
  options?: unknown;
}

export function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split('\n');
  let kind: Example['kind'] | undefined;
  let options: unknown;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{2,3} /.test(line)) {
      kind = /^### Incorrect/i.test(line) ? 'incorrect' : /^### Correct/i.test(line) ? 'correct' : undefined;
      continue;
    }
    const opt = /^<!-- options: (.*) -->$/.exec(line);
    if (opt) {
      options = JSON.parse(opt[1]!);
      continue;
    }
    const fence = /^```(js|ts|javascript|typescript)\s*$/.exec(line);
    if (fence && kind) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end] !== '```') end++;
      out.push({ kind, lang: fence[1]!, code: lines.slice(start, end).join('\n'), line: start, options });
      options = undefined;
      i = end;
    }
  }
  return out;
}

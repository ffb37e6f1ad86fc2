/**
 * A forgiving reader for front matter that strict YAML rejects but Claude Code still loads:
 * unquoted values holding `: `, values starting with `- `, `tools: *`. It reads top-level
 * `key: value` lines; indented lines continue the previous value, and `- item` lines under an
 * empty key make a list.
 */

/** One value read by {@link readLenientYaml}, with the 1-based line it started on. */
export interface LenientField {
  value: string | string[];
  line: number;
}

const KEY_LINE = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*)|\s*)$/;

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    const inner = v.slice(1, -1);
    return v.startsWith("'") ? inner.replace(/''/g, "'") : inner.replace(/\\"/g, '"');
  }
  // An unclosed quote (`name: "my-agent`): the quote is a typo, not part of the value.
  if (/^["']/.test(v) && !v.slice(1).includes(v[0])) return v.slice(1).trim();
  return v;
}

/**
 * Reads `key: value` lines. `firstLine` is the file line of the block's first line, so that the
 * returned line numbers point into the file.
 * @example readLenientYaml('name: x\ndescription: Use when: y', 2).description.value // 'Use when: y'
 */
export function readLenientYaml(block: string, firstLine = 1): Record<string, LenientField> {
  const out: Record<string, LenientField> = {};
  let current: { key: string; parts: string[]; list: string[] | null; line: number } | null = null;
  const flush = () => {
    if (!current) return;
    const text = current.parts.join('\n').trim();
    const value = current.list && !text ? current.list : unquote(text);
    if (value !== '' || !(current.key in out)) out[current.key] = { value, line: current.line };
    current = null;
  };
  block.split('\n').forEach((line, i) => {
    const m = KEY_LINE.exec(line);
    if (m && !/^\s/.test(line)) {
      flush();
      current = { key: m[1], parts: m[2] !== undefined ? [m[2]] : [], list: null, line: firstLine + i };
      return;
    }
    if (!current || line.trim() === '' || line.trim().startsWith('#')) {
      if (current && line.trim() === '') current.parts.push('');
      return;
    }
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && current.parts.join('').trim() === '') {
      (current.list ??= []).push(unquote(item[1]));
    } else {
      current.parts.push(line.trim());
    }
  });
  flush();
  return out;
}

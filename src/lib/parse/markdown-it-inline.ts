import type { Token } from 'markdown-it';
import type { ListItem, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * The inline half of `markdown-it-tree.ts`: markdown-it's inline tokens as mdast phrasing
 * content, GFM task list checks (read from an item's converted text), and the inline sources
 * markdown-it reads otherwise than micromark.
 */

/** An attribute of a token as text (markdown-it types them as strings or numbers). */
export function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/**
 * The children of one `inline` block token as phrasing content; adjacent text (line breaks
 * included) is one node.
 */
export function phrasing(tokens: readonly Token[]): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: Array<{ children: PhrasingContent[] }> = [root];
  const append = (node: PhrasingContent): void => {
    const siblings = stack[stack.length - 1].children;
    const last = siblings[siblings.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else siblings.push(node);
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }): void => {
    append(node);
    stack.push(node);
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'text_special':
        // Emphasis markers that were used leave empty text tokens behind.
        if (t.content) append({ type: 'text', value: t.content });
        break;
      case 'softbreak': {
        // markdown-it leaves tabs before a line ending; micromark drops all white space there.
        const siblings = stack[stack.length - 1].children;
        const last = siblings[siblings.length - 1];
        if (last?.type === 'text') last.value = last.value.replace(/[ \t]+$/, '');
        append({ type: 'text', value: '\n' });
        break;
      }
      case 'hardbreak':
        append({ type: 'break' });
        break;
      case 'code_inline':
        append({ type: 'inlineCode', value: t.content });
        break;
      case 'html_inline':
        append({ type: 'html', value: t.content });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        open({ type: 'link', url: attr(t, 'href') ?? '', title: attr(t, 'title'), children: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        stack.pop();
        break;
      case 'image': {
        const alt = toString({ type: 'paragraph', children: phrasing(t.children ?? []) });
        append({ type: 'image', url: attr(t, 'src') ?? '', title: attr(t, 'title'), alt });
        break;
      }
      default:
        throw new Error(`markdown-it token without an mdast form: ${t.type}`);
    }
  }
  return root.children;
}

/**
 * GFM task list items, as micromark-extension-gfm-task-list-item reads them: `[ ]`, `[x]` or
 * `[X]` (white space inside for unchecked) at the very start of an item's first child, a
 * paragraph, followed by a line ending, or by white space and more of the paragraph. The check
 * leaves the text, and so does the one white-space character after it.
 */
export function taskItem(item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const head = first.children[0];
  if (head?.type !== 'text') return;
  const m = /^\[([ \t\n\rxX])\]/.exec(head.value);
  if (!m) return;
  const after = head.value.slice(3);
  if (after[0] !== '\n') {
    if (after[0] !== ' ' && after[0] !== '\t') return;
    // Only white space to the end of the paragraph: not a task.
    if (/^[ \t]*$/.test(after) && first.children.length === 1) return;
  }
  item.checked = m[1] === 'x' || m[1] === 'X';
  head.value = after.slice(1);
  if (!head.value) first.children.shift();
}

/**
 * Whether a paragraph's (or heading's, or cell's) source holds what markdown-it reads otherwise
 * than micromark: a run of tildes other than two (GFM's single-tilde strikethrough, or three as
 * text), or a code span that may run over a line ending (a backtick run that no run of the same
 * length closes on its line, or an escaped backtick), whose line ending mdast keeps and
 * markdown-it turns into a space.
 */
export function unsafeInline(source: string): boolean {
  for (const m of source.matchAll(/~+/g)) if (m[0].length !== 2) return true;
  if (!source.includes('`') || !source.includes('\n')) return false;
  if (source.includes('\\`')) return true;
  for (const line of source.split('\n')) {
    const runs = (line.match(/`+/g) ?? []).map((r) => r.length);
    for (let i = 0; i < runs.length; i++) {
      const close = runs.indexOf(runs[i], i + 1);
      if (close === -1) return true;
      i = close;
    }
  }
  return false;
}

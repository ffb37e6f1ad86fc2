import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdownWithPositions } from '../../parse/markdown-parser.ts';
import type { Locale } from '../../locales.ts';
import { GLOSSARY, escapeRegExp, missingKeptTerms, toolNames, type Glossary } from './glossary.ts';

/**
 * Cuts an agent body into sections the model translates one at a time, and shields what must
 * not be translated. Code blocks, inline code, URLs, agent names and tool names are replaced by
 * placeholder tokens (`⟦C0⟧`, `⟦U3⟧` …) before the text goes to the model and restored
 * verbatim afterwards, so code comes back byte-identical whatever the model does. Each answer is
 * then verified: every placeholder back exactly once, same headings, same lists.
 */

/** A text with its protected spans swapped for placeholders. */
export interface Protected {
  /** The text the model sees. */
  text: string;
  /** Restored value of each placeholder, by token (`⟦C0⟧` → the code block). */
  tokens: Map<string, string>;
  /** Tokens that must open a line in the answer (labels of description examples). */
  lineStart?: Set<string>;
}

/** What protection needs to know about the text. */
export interface ProtectOptions {
  sourceLang: Locale;
  /** Names of agents in the catalog: always protected. */
  knownNames?: readonly string[];
  glossary?: Glossary;
  /** Extra patterns (description tags and labels); `restore` maps the match to what comes back. */
  extra?: Array<{ pattern: RegExp; kind: string; restore?: (match: string) => string; lineStart?: boolean }>;
}

const TOKEN = /⟦\s*([A-Z])\s*(\d+)\s*⟧/g;
// Role suffixes that make an English kebab-case word read as an agent name, not as prose
// ("code-reviewer" is a name, "high-performance" is not).
const ROLE = /-(?:agent|architect|engineer|developer|reviewer|expert|specialist|manager|designer|writer|analyst|tester|lead|auditor|optimizer|coordinator|orchestrator|strategist|consultant|researcher|assistant|bot|pro)$/;
const KEBAB = /(?<![\w./@⟦-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w/@-]|\.\w)/g;
const URL = /https?:\/\/[^\s<>()[\]"'`⟦]+[^\s<>()[\]"'`⟦.,;:!?。，；：！？)]/g;
const LINK_DEST = /(?<=\]\()[^()\s]+(?=[)\s])/g;
// Tool names that are also ordinary English words: in English text only protected in a tool context.
const AMBIGUOUS_TOOLS = new Set(['Read', 'Write', 'Edit', 'Task', 'LS']);

/** Replaces every match of `pattern` by a new placeholder; `select` can leave a match as is. */
function shield(p: Protected, pattern: RegExp, kind: string, select: (m: string) => boolean = () => true, restore = (m: string) => m): void {
  p.text = p.text.replace(pattern, (m: string) => {
    if (!select(m)) return m;
    const token = `⟦${kind}${p.tokens.size}⟧`;
    p.tokens.set(token, restore(m));
    return token;
  });
}

/** Protects code, URLs, names and tool names in a markdown text. */
export function protect(text: string, options: ProtectOptions): Protected {
  const p: Protected = { text, tokens: new Map() };
  // Code first, located by the markdown parser (fences, indented code, inline code), so that a
  // `#` or a URL inside code is never seen by the passes below.
  const spans: Array<{ start: number; end: number; kind: string }> = [];
  visit(parseMarkdownWithPositions(text), (node: Nodes) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      spans.push({ start: node.position.start.offset!, end: node.position.end.offset!, kind: node.type === 'code' ? 'C' : 'I' });
    }
  });
  let out = '';
  let at = 0;
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    const token = `⟦${s.kind}${p.tokens.size}⟧`;
    p.tokens.set(token, text.slice(s.start, s.end));
    out += text.slice(at, s.start) + token;
    at = s.end;
  }
  p.text = out + text.slice(at);

  for (const x of options.extra ?? []) {
    const before = new Set(p.tokens.keys());
    shield(p, x.pattern, x.kind, undefined, x.restore);
    if (x.lineStart) for (const t of p.tokens.keys()) if (!before.has(t)) (p.lineStart ??= new Set()).add(t);
  }
  // Link destinations before bare URLs, so a URL's placeholder is never itself re-protected.
  shield(p, LINK_DEST, 'U');
  shield(p, URL, 'U');
  const known = new Set(options.knownNames ?? []);
  const english = options.sourceLang === 'en';
  // In Chinese text any kebab-case identifier is a name; in English only known or role-like ones.
  shield(p, KEBAB, 'N', (m) => !english || known.has(m) || ROLE.test(m) || m.startsWith('agent-'));

  const tools = toolNames(options.glossary ?? GLOSSARY);
  const tool = `(?<![A-Za-z0-9_])(?:${tools.map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`;
  if (english) {
    // "the Read tool", "Read, Write, Edit": tool context makes the ambiguous words tools.
    const inContext = new RegExp(`${tool}(?=\\s+tools?\\b)|${tool}(?:\\s*(?:,|/|、|&|\\band\\b)\\s*${tool})+`, 'g');
    p.text = p.text.replace(inContext, (run) => {
      const inner: Protected = { text: run, tokens: p.tokens };
      shield(inner, new RegExp(tool, 'g'), 'T');
      return inner.text;
    });
  }
  shield(p, new RegExp(tool, 'g'), 'T', (m) => !english || !AMBIGUOUS_TOOLS.has(m));
  return p;
}

/** Replaces every placeholder by its value. Unknown tokens are left for verification to report. */
export function restore(text: string, tokens: Map<string, string>): string {
  return text.replace(TOKEN, (m, kind: string, n: string) => tokens.get(`⟦${kind}${n}⟧`) ?? m);
}

/**
 * Splits a markdown body before each top-level heading (found by the markdown parser, so a `#`
 * line inside a code fence does not split). Joining the result gives back the body exactly.
 */
export function splitSections(body: string): string[] {
  const starts = parseMarkdownWithPositions(body)
    .children.filter((n) => n.type === 'heading' && n.position)
    .map((n) => body.lastIndexOf('\n', n.position!.start.offset! - 1) + 1)
    .filter((s) => s > 0);
  const bounds = [0, ...starts, body.length];
  return bounds.slice(0, -1).map((s, i) => body.slice(s, bounds[i + 1])).filter((s) => s.length > 0);
}

/** Merges neighbouring sections while they fit in `maxChars`, to save requests on short sections. */
export function groupSections(sections: readonly string[], maxChars: number): string[] {
  const groups: string[] = [];
  for (const s of sections) {
    const last = groups.length - 1;
    if (last >= 0 && groups[last].length + s.length <= maxChars) groups[last] += s;
    else groups.push(s);
  }
  return groups;
}

/** Headings (depths), lists (kind, items, nesting) and code block count: what must not change. */
export function shapeOf(markdown: string): { headings: string; lists: string; code: number } {
  const headings: string[] = [];
  const lists: string[] = [];
  let code = 0;
  const walk = (node: Nodes, depth: number) => {
    if (node.type === 'heading') headings.push(`h${node.depth}`);
    if (node.type === 'code') code++;
    if (node.type === 'list') lists.push(`${node.ordered ? 'ol' : 'ul'}${node.children.length}@${depth}`);
    if ('children' in node) for (const c of node.children as Nodes[]) walk(c, depth + (node.type === 'list' ? 1 : 0));
  };
  walk(parseMarkdownWithPositions(markdown), 0);
  return { headings: headings.join(' '), lists: lists.join(' '), code };
}

/** The result of checking one answer. */
export type Verified = { ok: true; text: string } | { ok: false; problems: string[] };

/**
 * Checks a model's answer for one protected segment and restores it. `original` is the
 * unprotected source, compared by shape when `checkShape` is set (bodies; not descriptions).
 */
export function verifyAnswer(
  answer: string,
  source: Protected,
  original: string,
  options: { checkShape: boolean; glossary?: Glossary },
): Verified {
  let text = answer.trim();
  // Models sometimes wrap the whole answer in a fence; the source has no fences (they are
  // placeholders), so an enclosing fence is never part of the translation.
  const fenced = /^(`{3,}|~{3,})[\w-]*\n([\s\S]*?)\n\1$/.exec(text);
  if (fenced) text = fenced[2];
  text = text.replace(TOKEN, (_m, kind: string, n: string) => `⟦${kind}${n}⟧`);
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const m of text.matchAll(TOKEN)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  for (const token of source.tokens.keys()) {
    const n = counts.get(token) ?? 0;
    if (n !== 1) problems.push(`placeholder ${token} appears ${n} times; it must appear exactly once, unchanged`);
  }
  for (const token of counts.keys()) if (!source.tokens.has(token)) problems.push(`unknown placeholder ${token}`);
  for (const token of source.lineStart ?? []) {
    if (counts.get(token) === 1 && !new RegExp(`^[ \\t]*${token}`, 'm').test(text)) problems.push(`placeholder ${token} must start a line, as in the original`);
  }
  const restored = restore(text, source.tokens);
  if (options.checkShape) {
    const a = shapeOf(original);
    const b = shapeOf(restored);
    if (a.headings !== b.headings) problems.push(`headings changed: expected [${a.headings}], got [${b.headings}]`);
    if (a.lists !== b.lists) problems.push(`lists changed: expected [${a.lists}], got [${b.lists}] (kind, item count @ nesting)`);
    if (a.code !== b.code) problems.push(`code blocks changed: expected ${a.code}, got ${b.code}`);
  }
  const kept = missingKeptTerms(restore(source.text, source.tokens), restored, options.glossary ?? GLOSSARY);
  if (kept.length) problems.push(`these words must stay unchanged: ${kept.join(', ')}`);
  return problems.length ? { ok: false, problems } : { ok: true, text: restored };
}

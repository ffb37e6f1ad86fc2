import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { EdgeKind, Mention } from '../schema.ts';
import vocab from './vocabulary.json' with { type: 'json' };

/**
 * Finds mentions of other agents in text: kebab-case names (`api-designer`, `agent-qa-engineer`),
 * names in backticks or bold, `@agent-name`. Chinese text puts no spaces around names
 * (`与agent-qa-engineer协作`), so a name is a run of `[a-z0-9-]` bounded by anything else.
 *
 * Hyphenated words are everywhere (`real-time`, `agent-driven`), so a word counts as an agent only
 * when it survives the stop list and the shape rules of `vocabulary.json`, and then:
 * - in a collaboration section (`loose`): when relation wording names it (`work with X`, `与 X 合作`),
 *   when it is marked (backticks, bold, `@`), or when it ends in a role noun (`-developer`, `-lead`);
 * - elsewhere (`strict`): only when relation wording names it AND it ends in a role noun, so a
 *   workflow step `完成后通知agent-tech-lead` counts but `migrate from legacy-system` and
 *   `works with \`cache-control\`` do not (markup is no evidence outside collaboration sections:
 *   code spans there hold headers, attributes and commands).
 * Names are lower case with at least one hyphen; `@key`-style words are directives, not agents.
 */

/** A name: letters, digits, inner hyphens, dots only between digits (`powershell-5.1-expert`). */
const NAME = String.raw`[A-Za-z0-9](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9])|(?<=\d)\.(?=\d))*`;
/** What may not touch a name: otherwise it is part of a path, flag, file name or longer word. */
const BEFORE = String.raw`(?<![A-Za-z0-9_./\\#@-])`;
const AFTER = String.raw`(?![A-Za-z0-9_/\\-]|\.[A-Za-z0-9])`;
/** One name, optionally `@`-prefixed (`a@b-c.com` is not one: the `@` must not touch a word). */
const ONE = `${BEFORE}@?${NAME}${AFTER}`;
const NAME_RE = new RegExp(ONE, 'g');
const FULL_NAME_RE = new RegExp(`^@?${NAME}$`);
/** Separators inside a list of names: `a, b and c`, `a、b`, `a / b`, `a 和 b`. */
const SEP = String.raw`(?:\s*[,，、/&]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|\s*[和及或与與]\s*)`;
const LIST = `(?<agents>${ONE}(?:${SEP}${ONE})*)`;

/** Tie-break order when two patterns are equally specific. */
const KIND_ORDER: readonly EdgeKind[] = ['reviewed-by', 'notifies', 'receives-from', 'hands-to', 'collaborates-with'];

interface EdgePattern {
  kind: EdgeKind;
  regex: RegExp;
  /** Number of literal characters: the most specific wording wins. */
  weight: number;
  /** The longest literal word of the pattern, lower case: a sentence without it cannot match. */
  literal: string;
}

/** Compiles `从 {agent} 接收` / `hand … off to {agent}` into a regex capturing the name list. */
function compilePattern(kind: EdgeKind, pattern: string): EdgePattern {
  const parts = pattern.split(/(\{agent\}|…| +)/).filter((p) => p !== '');
  const source = parts
    .map((p) => {
      if (p === '{agent}') return LIST;
      if (p === '…') return '[^。！？!?\\n]{0,40}?';
      if (/^ +$/.test(p)) return '\\s*';
      return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const start = /^[A-Za-z]/.test(pattern) ? '(?<![A-Za-z])' : '';
  const end = /[A-Za-z]$/.test(pattern) ? '(?![A-Za-z])' : '';
  const weight = pattern.replace(/\{agent\}|…|\s/g, '').length;
  const literal = parts
    .filter((p) => p !== '{agent}' && p !== '…' && p.trim())
    .reduce((a, b) => (b.length > a.length ? b : a), '')
    .toLowerCase();
  return { kind, regex: new RegExp(start + source + end, 'giu'), weight, literal };
}

const PATTERNS: EdgePattern[] = Object.entries(vocab.edges as Record<string, Record<string, string[]>>).flatMap(
  ([kind, byLang]) => Object.values(byLang).flat().map((p) => compilePattern(kind as EdgeKind, p)),
);

const names = vocab.agentNames;
const STOP = new Set(names.stopWords);
const BAD_PREFIX = new Set(names.nonAgentPrefixes);
const BAD_SUFFIX = new Set(names.nonAgentSuffixes);
const BAD_INFIX = new Set(names.nonAgentInfixes);
const BAD_ENDINGS = names.nonAgentEndings;
const ROLE = new Set(names.roleSuffixes);
const VERSION = /^v?\d+(?:\.\d+)*[a-z]?$/;

/**
 * Whether a word may be an agent name at all: lower-case kebab-case with a hyphen, not a stop word,
 * not shaped like a compound adjective or phrase (`multi-x`, `x-driven`, `x-grounded`, `x-by-y`),
 * not starting or ending with a version (`gpt-4`).
 * @example isAgentShaped('api-designer') // true
 * @example isAgentShaped('agent-driven') // false
 */
export function isAgentShaped(word: string): boolean {
  if (word !== word.toLowerCase()) return false;
  const parts = word.split('-');
  if (parts.length < 2) return false;
  const last = parts.at(-1)!;
  if (STOP.has(word) || BAD_SUFFIX.has(last)) return false;
  if (last.length >= 5 && BAD_ENDINGS.some((e) => last.endsWith(e))) return false;
  if (parts.length === 2 && BAD_PREFIX.has(parts[0])) return false;
  if (parts.slice(1, -1).some((p) => BAD_INFIX.has(p))) return false;
  if (VERSION.test(parts[0]) || VERSION.test(last)) return false;
  return parts.some((p) => /[a-z]{2,}/.test(p));
}

/** Whether the word ends in a role noun (`-developer`, `-lead`, `-agent`). */
function isRoleShaped(word: string): boolean {
  return ROLE.has(word.split('-').at(-1)!);
}

/** Names marked in the markup of a phrasing node: `code`, **bold**, or a bold list `**a / b**`. */
function markedNames(node: Nodes): Set<string> {
  const out = new Set<string>();
  const visit = (n: Nodes) => {
    if (n.type === 'inlineCode' || n.type === 'strong' || n.type === 'emphasis') {
      const text = n.type === 'inlineCode' ? n.value : toString(n);
      for (const part of text.split(/\s*(?:[,，、/&：:–—]|\band\b|\bor\b|和|或)\s*/)) {
        const word = part.trim().replace(/^@/, '');
        if (FULL_NAME_RE.test(word)) out.add(word.toLowerCase());
      }
    }
    if ('children' in n) for (const c of n.children) visit(c as Nodes);
  };
  visit(node);
  return out;
}

/** `ux-designer/ui-designer` names two agents; a slash between two plain words stays a path. */
function splitSlashedNames(text: string): string {
  return text.replace(/(?<=(?<![\w./-])[a-z0-9]+(?:-[a-z0-9]+)+)\/(?=[a-z0-9]+(?:-[a-z0-9]+)+(?![\w/-]|\.\w))/g, ' / ');
}

/** Splits a block's text into sentences, so each mention keeps only its own as evidence. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;])\s*|(?<=\.)\s+(?=[A-Z\p{Script=Han}])|\n+/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * The mentions in one sentence.
 * @param loose true inside a collaboration section (see the module comment).
 * @param marked lower-case names marked up in the sentence's block.
 * @param self the agent's own name, never a mention.
 */
export function mentionsInSentence(sentence: string, loose: boolean, marked = new Set<string>(), self?: string): Mention[] {
  // Most sentences name no agent-shaped word: skip the relation patterns for them. Every agent
  // name has a hyphen, so a sentence without one is done before any regex runs.
  if (!sentence.includes('-')) return [];
  const text = splitSlashedNames(sentence);
  const words = text.match(NAME_RE) ?? [];
  if (!words.some((w) => isAgentShaped(w.replace(/^@/, '')))) return [];
  // The most specific relation wording naming each word, and whether it names the word directly
  // (`to X`) or further down a list (`to X and recurring-pattern findings`).
  const related = new Map<string, { kind: EdgeKind; weight: number; direct: boolean }>();
  // Lower case finds what the case-insensitive patterns find, except the long s (ſ), which they
  // read as an s: a sentence holding one is matched against every pattern.
  const lower = text.includes('ſ') ? undefined : text.toLowerCase();
  for (const p of PATTERNS) {
    if (lower !== undefined && !lower.includes(p.literal)) continue;
    for (const m of text.matchAll(p.regex)) {
      (m.groups!.agents.match(NAME_RE) ?? []).forEach((raw, i) => {
        const word = raw.replace(/^@/, '').toLowerCase();
        const prev = related.get(word);
        const better =
          !prev || p.weight > prev.weight || (p.weight === prev.weight && KIND_ORDER.indexOf(p.kind) < KIND_ORDER.indexOf(prev.kind));
        const direct = i === 0 || Boolean(prev?.direct);
        if (better) related.set(word, { kind: p.kind, weight: p.weight, direct });
        else if (direct) prev!.direct = true;
      });
    }
  }
  const out: Mention[] = [];
  const seen = new Set<string>();
  for (const raw of words) {
    const at = raw.startsWith('@');
    const word = raw.replace(/^@/, '');
    const key = word.toLowerCase();
    if (seen.has(key) || (self && key === self.toLowerCase())) continue;
    if (!isAgentShaped(word)) continue;
    const relation = related.get(key);
    // Further down a list, a plain word may be a modifier ("X and recurring-pattern findings"):
    // only a role noun or markup makes it a name there.
    const accept = loose
      ? Boolean(relation?.direct) || at || marked.has(key) || isRoleShaped(key)
      : Boolean(relation) && isRoleShaped(key);
    if (!accept) continue;
    seen.add(key);
    out.push({ name: key, kind: relation?.kind ?? 'collaborates-with', evidence: sentence });
  }
  return out;
}

/** The mentions in a paragraph, heading or table row (a row is one piece of evidence). */
export function mentionsInNode(node: Nodes, loose: boolean, self?: string): Mention[] {
  // mdast-util-to-string glues cells together; keep them apart so names stay words.
  const text = node.type === 'tableRow' ? node.children.map((c) => toString(c).trim()).join(' | ') : toString(node);
  // No hyphen, no agent name (see mentionsInSentence): skip the markup scan and the sentences.
  if (!text.includes('-')) return [];
  const marked = markedNames(node);
  return sentences(text).flatMap((s) => mentionsInSentence(s, loose, marked, self));
}

/**
 * Mentions from the front matter field `collaborators` (a list or a comma-separated string); a
 * declared collaborator needs no wording, so every name counts, as collaborates-with.
 */
export function collaboratorMentions(frontMatter: Record<string, unknown>): Mention[] {
  const value = frontMatter.collaborators;
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[,，、]/) : [];
  const cleaned = list.map((n) => n.trim().replace(/^[@`]+|`+$/g, '').trim()).filter(Boolean);
  const evidence = `collaborators: ${cleaned.join(', ')}`;
  return cleaned.map((name) => ({ name, kind: 'collaborates-with' as const, evidence }));
}

/** Keeps the first mention of each (name, kind), names compared case-insensitively. */
export function dedupeMentions(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.name.toLowerCase()}\u0000${m.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import type { Root } from 'mdast';
import type { Locale } from '../locales.ts';
import { LOCALES, isChinese } from '../locales.ts';
import type { LocalizedContent, Problem, Checklist, Item, Mention, Section } from '../schema.ts';
import type { ParsedAgent } from '../parse/parse-agent.ts';
import { parseMarkdown, assignAnchors, transferAnchors, cloneTree } from '../parse/markdown.ts';
import { parseDescription } from '../parse/examples.ts';
import { renderMarkdown } from '../render/markdown-html.ts';
import { renderInline } from '../render/inline.ts';
import { toScript, type Script } from './chinese.ts';
import { convertTree } from './convert-tree.ts';
import type { TranslationFile } from './translation-file.ts';

/** What the extract stage returns for one tree. */
export interface Structure {
  sections: Section[];
  responsibilities: Item[];
  checklists: Checklist[];
  mentions: Mention[];
}

/** The extract stage, passed in so this stage stays testable on its own. */
export type Extractor = (tree: Root, frontMatter: Record<string, unknown>) => Structure;

/** An agent's content in all locales, and what localizing it found. */
export interface LocalizedAgent {
  localized: Record<Locale, LocalizedContent>;
  /** Mentions of other agents, from the source text. */
  mentions: Mention[];
  problems: Problem[];
}

interface Text {
  description: string;
  body: string;
  title: string;
}

function build(
  text: Text,
  sourceTree: Root,
  extract: Extractor,
  fm: Record<string, unknown>,
  tree?: Root,
): Omit<LocalizedContent, 'status' | 'contentLang'> & { sameShape: boolean; mentions: Mention[] } {
  const own = tree ?? parseMarkdown(text.body);
  const sameShape = tree ? true : transferAnchors(sourceTree, own);
  const structure = extract(own, fm);
  const { summary, examples } = parseDescription(text.description);
  return {
    title: text.title,
    summary: plainSummary(summary),
    summaryHtml: renderInline(summary),
    examples,
    // The body sits under the page's "Full definition" h2.
    html: renderMarkdown(own, 2),
    sections: structure.sections,
    responsibilities: structure.responsibilities,
    checklists: structure.checklists,
    sameShape,
    mentions: structure.mentions,
  };
}

/** A description as one plain line for lists and meta tags: no list markers or emphasis. */
function plainSummary(markdown: string): string {
  const lines = markdown
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').replace(/[*_`#>]/g, '').trim())
    .filter(Boolean);
  // List items become "a; b; c"; sentences are joined with a space.
  return lines
    .map((l, i) => (i < lines.length - 1 && !/[。.!?！？:：;；,，]$/.test(l) ? `${l};` : l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A text in the other Chinese script; the body only when it will be parsed (`withBody`). */
function convert(text: Text, to: Script, withBody = true): Text {
  return {
    description: toScript(text.description, to),
    body: withBody ? toScript(text.body, to) : '',
    title: toScript(text.title, to),
  };
}

/**
 * Produces an agent's content in every locale:
 * - its own language: the source;
 * - the other Chinese script: an OpenCC conversion (with the project's overrides);
 * - a language with a translation file: the translation (`outdated` if the source changed since);
 *   a Chinese locale can also be derived by conversion from the other script's translation;
 * - otherwise `missing`: the source content, marked with its own language.
 * Anchor ids always come from the source tree, so they agree across locales.
 */
export function localizeAgent(
  agent: ParsedAgent,
  translations: Partial<Record<Locale, TranslationFile>>,
  extract: Extractor,
): LocalizedAgent {
  const fm = { ...agent.extra, collaborators: agent.collaborators };
  const sourceTree = cloneTree(agent.tree);
  assignAnchors(sourceTree);
  // The other script's tree is made now, before extraction adds HTML ids to the source tree.
  const otherScript: Script | undefined =
    agent.sourceLang === 'zh-Hans' ? 'zh-Hant' : agent.sourceLang === 'zh-Hant' ? 'zh-Hans' : undefined;
  const convertedTree = otherScript && convertTree(sourceTree, agent.body, otherScript);
  const source: Text = { description: agent.description, body: agent.body, title: agent.name };
  const { sameShape: _same, mentions, ...originalContent } = build(source, sourceTree, extract, fm, sourceTree);
  const problems: Problem[] = [];
  const localized = {} as Record<Locale, LocalizedContent>;

  for (const locale of LOCALES) {
    if (locale === agent.sourceLang) {
      localized[locale] = { ...originalContent, status: 'original', contentLang: locale };
      continue;
    }
    if (isChinese(locale) && isChinese(agent.sourceLang)) {
      const text = convert(source, locale as Script, !convertedTree);
      const { sameShape: _s, mentions: _m, ...content } = build(text, sourceTree, extract, fm, convertedTree);
      localized[locale] = { ...content, status: 'converted', contentLang: locale };
      continue;
    }
    const other = locale === 'zh-Hant' ? 'zh-Hans' : locale === 'zh-Hans' ? 'zh-Hant' : undefined;
    const direct = translations[locale];
    const viaOther = !direct && other ? translations[other] : undefined;
    const translation = direct ?? viaOther;
    if (!translation) {
      localized[locale] = { ...originalContent, status: 'missing', contentLang: agent.sourceLang };
      continue;
    }
    let text: Text = { description: translation.description, body: translation.body, title: translation.title ?? agent.name };
    if (viaOther) text = convert(text, locale as Script);
    const { sameShape, mentions: _m, ...content } = build(text, sourceTree, extract, fm);
    if (!sameShape) {
      problems.push({
        file: translation.file,
        severity: 'warning',
        code: 'translation-shape',
        message: 'The translation does not have the same headings, lists and paragraphs as its source, so some anchors differ between languages.',
        hint: 'Keep one translated heading, list item and paragraph for each in the source.',
      });
    }
    const outdated = translation.sourceHash !== agent.sourceHash;
    localized[locale] = {
      ...content,
      status: outdated ? 'outdated' : 'translated',
      contentLang: locale,
      translationFile: translation.file,
    };
  }
  return { localized, mentions, problems };
}

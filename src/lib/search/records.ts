import type { Agent, Item, LocalizedContent } from '../schema.ts';
import { LOCALES, type Locale, localeInfo } from '../locales.ts';
import { agentPath, withBase } from '../routing/paths.ts';
import { extractedIds } from '../render/unique-anchors.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { type AnchorCode, type BlockKind, type MatchKind, ANCHOR_CODES } from './kinds.ts';

/**
 * Search records: what the index holds about one agent page, built from the agent data (not by
 * crawling the built HTML). A record is a list of blocks; a block that starts a section a reader
 * can jump to carries that section's anchor, the same id the agent page uses, so a match links
 * straight to `page#anchor`.
 */

/** Where a block starts a linkable section of the page. */
export interface BlockAnchor {
  /** The element id on the agent page. */
  id: string;
  code: AnchorCode;
  /** Section label shown with a match (heading, checklist title, example number). */
  label?: string;
}

/** A block of a record's text. */
export interface SearchBlock {
  kind: BlockKind;
  text: string;
  anchor?: BlockAnchor;
}

/** Filter names of the index. */
export type FilterName = 'tool' | 'model' | 'collection' | 'kind';

/** The collection filter value of agents at the top of the agents folder. */
export const TOP_LEVEL_COLLECTION = '/';

/**
 * What the index holds about one agent page in one locale. Where the page is (its URL and agent)
 * is not part of it: it travels on the {@link SearchPage} the record's HTML is indexed as.
 */
export interface SearchRecord {
  /** Pagefind language of the record's index ({@link INDEX_LANGUAGE}). */
  language: string;
  /** Display title. */
  title: string;
  filters: Record<FilterName, string[]>;
  blocks: SearchBlock[];
}

/**
 * The Pagefind language every locale's records are indexed in: one index for the three
 * locales. Pagefind's language only picks its word handling, and Agent Atlas does Chinese's
 * itself: each Han character is a word (`han.ts`), so Pagefind's Chinese segmenter had nothing
 * left to do, while its English stemmer helps the Latin words (tool names, APIs) of Chinese
 * agents too. One index lets every locale that shows the same content share one document:
 * an untranslated agent's three pages, a Chinese agent's English page and its source-script
 * page (the benchmark's 1,000 agents: 1,377 documents for 3,000 pages, against 2,342 with a
 * Chinese index beside the English one, and Pagefind's CPU 10–11 → 6.0–6.4 s). Each page keeps
 * its `<html lang>`; Pagefind's browser script, finding no index of a page's language, takes
 * the largest (here the only) one, and the section maps say which pages each locale's search
 * finds. `npm run bench:cjk` gives the same recall and precision as with a Chinese index.
 */
export const INDEX_LANGUAGE = 'en';

/**
 * The key of a locale's section map (`bundle-files.ts`): its page's `<html lang>`, lower-cased,
 * which is what the browser looks the map up by.
 * @example mapLanguage('zh-Hant') // 'zh-hant'
 */
export function mapLanguage(locale: Locale): string {
  return localeInfo(locale).tag.toLowerCase();
}

function flattenItems(items: readonly Item[]): Item[] {
  return items.flatMap((i) => [i, ...flattenItems(i.children)]);
}

/** Whitespace- and case-insensitive form, to recognise a list item the body repeats. */
function sameText(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

function bodyBlocks(content: LocalizedContent, itemTexts: ReadonlySet<string>): SearchBlock[] {
  // Ids the page gives to extracted items and fixed sections; a body anchor with the same id
  // is not where the page's element with that id is, so it is not used as a link target.
  const taken = extractedIds(content);
  const out: SearchBlock[] = [];
  for (const b of htmlToBlocks(content.html)) {
    if (b.tag === 'li' && itemTexts.has(sameText(b.text))) continue;
    const isLabel = /^h[1-6]$/.test(b.tag) || (b.tag === 'p' && b.id !== undefined);
    if (isLabel) {
      const label = b.text.replace(/[:：]\s*$/, '');
      const anchor = b.id && !taken.has(b.id) ? { id: b.id, code: ANCHOR_CODES.section, label } : undefined;
      out.push(anchor ? { kind: 'heading', text: b.text, anchor } : { kind: 'heading', text: b.text });
    } else if (b.text) {
      out.push({ kind: b.tag === 'pre' ? 'code' : 'text', text: b.text });
    }
  }
  return out;
}

function presentKinds(content: LocalizedContent): MatchKind[] {
  const kinds: MatchKind[] = [];
  if (content.responsibilities.length) kinds.push('responsibility');
  if (content.checklists.some((c) => c.items.length)) kinds.push('checklist');
  if (content.examples.length) kinds.push('example');
  return kinds;
}

/** The agent data a record shows: all of it comes from the agent's own file. */
export type SearchableAgent = Pick<Agent, 'name' | 'tools' | 'model' | 'collection' | 'localized'>;

/**
 * The search record of an agent's page in a locale. It depends on the agent's file alone, so the
 * catalog makes it (as HTML, `record-html.ts`) with the other per-file stages, and caches it.
 */
export function searchRecord(agent: SearchableAgent, locale: Locale): SearchRecord {
  const content = agent.localized[locale];
  const blocks: SearchBlock[] = [{ kind: 'name', text: content.title }];
  if (agent.name !== content.title) blocks.push({ kind: 'name', text: agent.name });
  if (content.summary) {
    blocks.push({ kind: 'description', text: content.summary, anchor: { id: 'description', code: ANCHOR_CODES.description } });
  }
  content.examples.forEach((ex, i) => {
    const texts = [ex.context, ...ex.turns.map((t) => t.text), ex.commentary].filter((t) => t.trim());
    const anchor = { id: `example-${i + 1}`, code: ANCHOR_CODES.example, label: String(i + 1) };
    texts.forEach((text, j) => blocks.push(j === 0 ? { kind: 'example', text, anchor } : { kind: 'example', text }));
  });
  const items = [...flattenItems(content.responsibilities), ...content.checklists.flatMap((c) => flattenItems(c.items))];
  for (const item of flattenItems(content.responsibilities)) {
    blocks.push({ kind: 'responsibility', text: item.text, anchor: { id: item.id, code: ANCHOR_CODES.responsibility } });
  }
  for (const list of content.checklists) {
    const label = list.title.replace(/[:：]\s*$/, '');
    blocks.push({ kind: 'checklistTitle', text: label, anchor: { id: `checklist-${list.id}`, code: ANCHOR_CODES.checklistTitle, label } });
    for (const item of flattenItems(list.items)) {
      blocks.push({ kind: 'checklist', text: item.text, anchor: { id: item.id, code: ANCHOR_CODES.checklist } });
    }
  }
  const body = bodyBlocks(content, new Set(items.map((i) => sameText(i.text))));
  // The body's start is a section boundary even where the definition starts with plain text.
  if (body[0] && !body[0].anchor) body[0] = { ...body[0], anchor: { id: 'definition', code: ANCHOR_CODES.body } };
  blocks.push(...body);
  return {
    language: INDEX_LANGUAGE,
    title: content.title,
    filters: {
      tool: [...new Set(agent.tools)],
      model: agent.model?.trim() ? [agent.model.trim()] : [],
      collection: [agent.collection || TOP_LEVEL_COLLECTION],
      kind: presentKinds(content),
    },
    blocks: blocks.filter((b) => b.text.trim() || b.anchor),
  };
}

/**
 * A page as the index takes it: its agent, its record's HTML, the locales whose search finds it
 * and the URL it is indexed under (the first locale's page). Locales whose records are the same
 * document share one page: the browser links a result to its own locale's page of the agent.
 */
export interface SearchPage {
  /** The page URL of the first of {@link locales}, base path included. */
  url: string;
  slug: string;
  html: string;
  /** The locales whose search finds this page (their section maps list it). */
  locales: Locale[];
}

/**
 * The index's pages of every agent, from the HTML the catalog made for each locale (`htmlOf`, by
 * slug: see `record-html.ts`'s `agentSearchHtml`): one per distinct record, so locales with the
 * same record (an untranslated agent's two Chinese pages) are indexed once.
 * @param base the site's base path
 */
export function searchPages(
  agents: ReadonlyArray<Pick<Agent, 'slug'>>,
  htmlOf: ReadonlyMap<string, Record<Locale, string>>,
  base: string,
): SearchPage[] {
  return agents.flatMap((agent) => {
    const html = htmlOf.get(agent.slug);
    if (!html) throw new Error(`No search HTML for the agent "${agent.slug}": the catalog did not make it.`);
    const pages: SearchPage[] = [];
    for (const locale of LOCALES) {
      const same = pages.find((p) => p.html === html[locale]);
      if (same) same.locales.push(locale);
      else pages.push({ url: withBase(base, agentPath(locale, agent.slug)), slug: agent.slug, html: html[locale], locales: [locale] });
    }
    return pages;
  });
}

import type { AgentEntry } from '../schema.ts';
import { LOCALES, type Locale, localeInfo } from '../locales.ts';
import type { Translate } from '../i18n/ui.ts';
import { contentHash } from '../hash.ts';
import { fontVersion } from './fonts.ts';

/**
 * The preview image of an agent page (Open Graph / Twitter card): what it says. A card holds
 * only the agent's content and no UI string of the page's locale, so the pages that show the same
 * content (an English agent without translation, on its three locale pages) share one image.
 * Everything here is plain data; `layout.ts` draws it, and the image's file name is the hash of
 * this data, so a card is drawn once per distinct content and again only when its text changes.
 */

/** Size of every preview image (the Open Graph recommendation). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/**
 * The folder of the output that holds the images, and only them: the build removes any other
 * file in it (`output.ts`).
 */
export const OG_FOLDER = 'og';

/** Bump when the drawing changes, so cached images are drawn again (and get new URLs). */
export const OG_RENDER_VERSION = '3';

/** What one preview card shows: content only, nothing that depends on the page's locale. */
export interface OgCard {
  /** The language the agent's text is in (picks glyph forms and names the language on the card). */
  contentLang: Locale;
  siteName: string;
  title: string;
  /** The agent's name, when the title is a translation of it. */
  name?: string;
  /** The collection (folder), shortened to fit; '' at the top level: then no chip is drawn. */
  collection: string;
  /** The description, cut to about one sentence. */
  description: string;
  /** The model alias, e.g. `sonnet`. */
  model?: string;
  /** The tools that fit, as a short list (`Read, Write, Edit +5`). */
  tools?: string;
}

/** Whether preview images are made: on, unless `OG_IMAGES=0` (quick builds). */
export function ogImagesEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !['0', 'false', 'off', 'no'].includes((env.OG_IMAGES ?? '').trim().toLowerCase());
}

const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;

/** Text as one line: no emoji (the font has none), no markdown marks, single spaces. */
export function cleanText(text: string): string {
  return text
    .replace(PICTOGRAPHS, '')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How wide text is, in Latin-character units: a Han or full-width character is two. */
export function textWeight(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\p{Script=Han}\u3000-\u30ff\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * The description cut to its first sentence, and to `max` weight units with an ellipsis at a word
 * boundary (Chinese breaks anywhere).
 * @example oneLine('Builds APIs. Also tests them.') // 'Builds APIs.'
 */
export function oneLine(text: string, max = 170): string {
  const clean = cleanText(text);
  const first = clean.match(/^.+?(?:[。！？]|[.!?](?=\s|$))/u)?.[0] ?? clean;
  const sentence = textWeight(first) >= 12 ? first : clean;
  if (textWeight(sentence) <= max) return sentence;
  let out = '';
  let w = 0;
  for (const ch of sentence) {
    w += textWeight(ch);
    if (w > max - 1) break;
    out += ch;
  }
  const atWord = out.replace(/\s+\S*$/u, '');
  const cut = atWord.length >= out.length * 0.6 && /\s/.test(out) ? atWord : out;
  return `${cut.replace(/[\s,.;:，、；：]+$/u, '')}…`;
}

/** How much text the card's last line holds (collection, model and tools), in weight units. */
export const FOOTER_WEIGHT = 60;

/**
 * A collection path short enough for its chip: the last folders that fit, after `…/`.
 * @example shortCollection('a/b/very-long-folder-name', 24) // '…/very-long-folder-name'
 */
export function shortCollection(collection: string, max = 34): string {
  const clean = cleanText(collection);
  if (textWeight(clean) <= max) return clean;
  const parts = clean.split('/');
  let out = parts.pop()!;
  while (parts.length && textWeight(`…/${parts.at(-1)}/${out}`) <= max) out = `${parts.pop()}/${out}`;
  return textWeight(out) + 2 <= max ? `…/${out}` : oneLine(out, max);
}

/**
 * Tool names that fit in `room` weight units: as many as fit, then how many more.
 * @example toolsLine(['Read', 'Write', 'Edit', 'Bash'], 16) // 'Read, Write +2'
 */
export function toolsLine(tools: readonly string[], room = 40): string | undefined {
  const names = tools.map(cleanText).filter(Boolean);
  const line = (n: number) => names.slice(0, n).join(', ') + (n < names.length ? ` +${names.length - n}` : '');
  let shown = names.length;
  while (shown > 0 && textWeight(line(shown)) > room) shown--;
  return shown ? line(shown) : undefined;
}

/** What the card needs from an agent. */
export type OgAgent = Pick<AgentEntry, 'name' | 'collection' | 'localized'> & Partial<Pick<AgentEntry, 'tools' | 'model'>>;

/**
 * The card of an agent's page in a locale. Only `site.name` comes from the UI strings (it is the
 * same in every locale); the rest is the content the page shows, so locales showing the same
 * content get equal cards.
 */
export function ogCard(agent: OgAgent, locale: Locale, t: Translate): OgCard {
  const content = agent.localized[locale];
  const title = cleanText(content.title) || agent.name;
  const model = oneLine(agent.model ?? '', 16);
  const collection = shortCollection(agent.collection);
  // The tools get what the collection and model leave of the last line.
  const tools = toolsLine(agent.tools ?? [], FOOTER_WEIGHT - textWeight(collection) - textWeight(model));
  return {
    contentLang: content.contentLang,
    siteName: t('site.name'),
    title,
    name: title === agent.name ? undefined : agent.name,
    collection,
    description: oneLine(content.summary),
    ...(model ? { model } : {}),
    ...(tools ? { tools } : {}),
  };
}

/** The name of the language a card's text is in, as that language writes it (e.g. 繁體中文). */
export function languageName(card: Pick<OgCard, 'contentLang'>): string {
  return localeInfo(card.contentLang).nativeName;
}

/** The cache key of a card: a hash of everything that changes its pixels. */
export function ogCardKey(card: OgCard, fonts: string = fontVersion()): string {
  return contentHash(JSON.stringify([OG_RENDER_VERSION, fonts, card]), 32);
}

/**
 * Site path of a card's image (without base): named by the card's key, so every page showing the
 * same card points at one file, and a changed card gets a new URL (social sites cache by URL).
 * The agent page (through {@link ogImageMeta}) and the build (through {@link ogJobs}) both call
 * this, so they always agree.
 * @example ogImagePath(card) // '/og/3f9a….png'
 */
export function ogImagePath(card: OgCard): string {
  return `/${OG_FOLDER}/${ogCardKey(card)}.png`;
}

/** The alt text of a card, for `og:image:alt`. */
export function ogCardAlt(card: OgCard): string {
  return [card.title, card.collection, card.description].filter(Boolean).join(' — ');
}

/**
 * The images the build makes: one per distinct card of every agent page in every locale, with its
 * path in the output folder. Pages showing the same content share one job.
 */
export function ogJobs(agents: ReadonlyArray<OgAgent>, translate: (locale: Locale) => Translate): Array<{ card: OgCard; out: string }> {
  const jobs = new Map<string, OgCard>();
  for (const agent of agents) {
    for (const locale of LOCALES) {
      const card = ogCard(agent, locale, translate(locale));
      const out = ogImagePath(card).slice(1);
      if (!jobs.has(out)) jobs.set(out, card);
    }
  }
  return [...jobs].map(([out, card]) => ({ card, out }));
}

/** What a page's head says about its preview image. */
export interface OgImageMeta {
  url: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * The preview image of an agent page for its head tags (absolute URL), or undefined when images
 * are turned off, so no page points at an image the build did not make.
 */
export function ogImageMeta(agent: OgAgent, locale: Locale, t: Translate, base: string, site: URL): OgImageMeta | undefined {
  if (!ogImagesEnabled()) return undefined;
  const card = ogCard(agent, locale, t);
  const path = `${base.replace(/\/$/, '')}${ogImagePath(card)}`;
  return { url: new URL(path, site).href, alt: ogCardAlt(card), width: OG_WIDTH, height: OG_HEIGHT };
}

import type { Agent } from '../schema.ts';
import { LOCALES, type Locale, localeInfo, segmentOf } from '../locales.ts';
import type { Translate } from '../i18n/ui.ts';
import { contentHash } from '../hash.ts';

/**
 * The preview image of an agent page (Open Graph / Twitter card): what it says, in the page's
 * language. Everything here is plain data; `layout.ts` draws it and `pool.ts` caches it by the
 * hash of this data, so a card is drawn again only when its text changes.
 */

/** Size of every preview image (the Open Graph recommendation). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Bump when the drawing changes, so cached images are drawn again. */
export const OG_RENDER_VERSION = '1';

/** What one preview card shows. */
export interface OgCard {
  /** The page's locale (labels). */
  locale: Locale;
  /** The language the agent's text is in (differs when a translation is missing). */
  contentLang: Locale;
  siteName: string;
  title: string;
  /** The agent's name, when the title is a translation of it. */
  name?: string;
  collectionLabel: string;
  collection: string;
  /** The description, cut to about one sentence. */
  description: string;
  /** The locale's own name, e.g. 繁體中文. */
  languageName: string;
}

/** Whether preview images are made: on, unless `OG_IMAGES=0` (quick builds). */
export function ogImagesEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !['0', 'false', 'off', 'no'].includes((env.OG_IMAGES ?? '').trim().toLowerCase());
}

/**
 * Site path of an agent's preview image (without base).
 * @example ogImagePath('zh-Hant', 'telegram-bot/backend-architect') // '/og/zh-hant/telegram-bot/backend-architect.png'
 */
export function ogImagePath(locale: Locale, slug: string): string {
  return `/og/${segmentOf(locale)}/${slug}.png`;
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

/** The card of an agent in a locale. */
export function ogCard(agent: Pick<Agent, 'name' | 'collection' | 'localized'>, locale: Locale, t: Translate): OgCard {
  const content = agent.localized[locale];
  const title = cleanText(content.title) || agent.name;
  return {
    locale,
    contentLang: content.contentLang,
    siteName: t('site.name'),
    title,
    name: title === agent.name ? undefined : agent.name,
    collectionLabel: t('agent.collection'),
    collection: agent.collection || t('home.topLevel'),
    description: oneLine(content.summary),
    languageName: localeInfo(locale).nativeName,
  };
}

/** The cache key of a card: a hash of everything that changes its pixels. */
export function ogCardKey(card: OgCard, fontVersion: string): string {
  return contentHash(JSON.stringify([OG_RENDER_VERSION, fontVersion, card]), 32);
}

/** The alt text of a card, for `og:image:alt`. */
export function ogCardAlt(card: OgCard): string {
  return [card.title, card.collection, card.description].filter(Boolean).join(' — ');
}

/** One image per agent and locale: the card and its path in the output folder. */
export function ogJobs(
  agents: ReadonlyArray<Pick<Agent, 'slug' | 'name' | 'collection' | 'localized'>>,
  translate: (locale: Locale) => Translate,
): Array<{ card: OgCard; out: string }> {
  return agents.flatMap((agent) =>
    LOCALES.map((locale) => ({
      card: ogCard(agent, locale, translate(locale)),
      out: ogImagePath(locale, agent.slug).slice(1),
    })),
  );
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
export function ogImageMeta(
  agent: Pick<Agent, 'slug' | 'name' | 'collection' | 'localized'>,
  locale: Locale,
  t: Translate,
  base: string,
  site: URL,
): OgImageMeta | undefined {
  if (!ogImagesEnabled()) return undefined;
  const path = `${base.replace(/\/$/, '')}${ogImagePath(locale, agent.slug)}`;
  return { url: new URL(path, site).href, alt: ogCardAlt(ogCard(agent, locale, t)), width: OG_WIDTH, height: OG_HEIGHT };
}

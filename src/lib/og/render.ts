import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { OG_HEIGHT, OG_WIDTH, type OgCard } from './card.ts';
import { cardElement } from './layout.ts';
import { drawableText, fontChunks, type SatoriFont } from './fonts.ts';

/**
 * Draws a card: satori lays it out to SVG (text as paths, from the bundled fonts only), resvg
 * turns the SVG into a PNG. System fonts are never read, so every machine draws the same pixels.
 */

/** The card with characters the font cannot draw (emoji and the like) taken out. */
export function drawableCard(card: OgCard): OgCard {
  const chunks = fontChunks();
  const clean = (s: string) => drawableText(s, chunks).replace(/\s+/g, ' ').trim();
  return {
    ...card,
    siteName: clean(card.siteName),
    title: clean(card.title) || clean(card.name ?? '') || '?',
    name: card.name ? clean(card.name) || undefined : undefined,
    collectionLabel: clean(card.collectionLabel),
    collection: clean(card.collection),
    description: clean(card.description),
    languageName: clean(card.languageName),
  };
}

/** The SVG of a card. `fonts` must cover its text (see `fontRequests`). */
export async function cardSvg(card: OgCard, fonts: SatoriFont[]): Promise<string> {
  // satori's types want a React element; the plain element tree is what it reads.
  return satori(cardElement(drawableCard(card)) as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
}

/** The PNG of a card, 1200×630. */
export async function cardPng(card: OgCard, fonts: SatoriFont[]): Promise<Uint8Array> {
  const svg = await cardSvg(card, fonts);
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

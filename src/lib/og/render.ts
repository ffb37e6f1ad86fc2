import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { OG_HEIGHT, OG_WIDTH, type OgCard } from './card.ts';
import { cardElement, drawableCard } from './layout.ts';
import type { SatoriFont } from './fonts.ts';
import { indexedPng } from './png.ts';

/**
 * Draws a card: satori lays it out to SVG (text as paths, from the bundled fonts only), resvg
 * turns the SVG into a PNG. System fonts are never read, so every machine draws the same pixels.
 */

/**
 * The SVG of a card. `fonts` must cover its text (see `fontRequests`). Pass the same array for
 * every card: satori keeps its parsed fonts and text measurements per font list, so one list for
 * a whole thread is quicker than a smaller list per card (measured: ~10 against ~14 ms a card).
 */
export async function cardSvg(card: OgCard, fonts: SatoriFont[]): Promise<string> {
  // satori's types want a React element; the plain element tree is what it reads.
  return satori(cardElement(drawableCard(card)) as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
}

/**
 * The PNG of a card, 1200×630: resvg's pixels as an indexed PNG (lossless, see `png.ts`), or
 * resvg's own PNG for an image that has too many colours for a palette.
 */
export async function cardPng(card: OgCard, fonts: SatoriFont[]): Promise<Uint8Array> {
  const svg = await cardSvg(card, fonts);
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return indexedPng(image.pixels, image.width, image.height) ?? image.asPng();
}

export { drawableCard };

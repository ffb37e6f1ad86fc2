import { OG_HEIGHT, OG_WIDTH, languageName, type OgCard } from './card.ts';
import { drawableText, fontChunks } from './fonts.ts';

/**
 * The drawing of a preview card, as the element tree satori takes (plain objects, no React).
 * Colours are the site's dark theme, so a card looks like the site it leads to.
 *
 * Drawn for speed as well as looks (thousands of cards per build): only plain boxes and text.
 * An `<img>`, a border (on one side, or with rounded corners) or `overflow: hidden` each become a
 * mask, clip path or nested image in the SVG, which resvg draws into layers of their own; so the
 * logo is made of boxes, the accent stripe is a box, a chip's frame is a box behind a box, and
 * text is clamped by `lineClamp` alone.
 * There is no UI string (label) on the card, so the locales that show the same content share it.
 */

/** A satori element: a tag, a style, children. */
export interface OgNode {
  type: string;
  props: { style?: Record<string, unknown>; children?: Array<OgNode | string> | OgNode | string; [key: string]: unknown };
}

const COLORS = { bg: '#0f1419', panel: '#161b22', text: '#e6edf3', soft: '#c9d1d9', muted: '#9aa7b4', accent: '#3b82f6', border: '#30363d', logo: '#1d4ed8' };

function el(type: string, style: Record<string, unknown>, children?: OgNode['props']['children'], extra: Record<string, unknown> = {}): OgNode {
  return { type, props: { style, ...extra, ...(children === undefined ? {} : { children }) } };
}

/** A box placed in its parent at `left`, `top`, as satori wants absolute children. */
function box(left: number, top: number, width: number, height: number, style: Record<string, unknown> = {}): OgNode {
  return el('div', { position: 'absolute', left, top, width, height, background: '#fff', ...style });
}

/**
 * The site's mark (public/favicon.svg: three dots joined in a triangle, on a blue rounded square),
 * 52 px, of boxes: its 32-unit drawing scaled by 52/32. The two slanted sides are boxes turned
 * about their middle.
 */
function logo(): OgNode {
  const k = 52 / 32;
  const dot = (cx: number, cy: number) => box((cx - 4) * k, (cy - 4) * k, 8 * k, 8 * k, { borderRadius: 4 * k });
  const side = Math.hypot(6, 12) * k;
  const slant = (cx: number, deg: number) => box(cx * k - side / 2, 17 * k - k, side, 2 * k, { transform: `rotate(${deg}deg)` });
  const angle = (Math.atan2(12, 6) * 180) / Math.PI;
  return el('div', { position: 'relative', display: 'flex', width: 52, height: 52, marginRight: 20, borderRadius: 7 * k, background: COLORS.logo }, [
    box(10 * k, 10 * k, 12 * k, 2 * k),
    slant(13, angle),
    slant(19, -angle),
    dot(10, 11),
    dot(22, 11),
    dot(16, 23),
  ]);
}

/** Title size that keeps long titles within two lines. */
export function titleSize(title: string): number {
  const n = [...title].length;
  if (n <= 24) return 76;
  if (n <= 40) return 64;
  return 52;
}

/** The satori `lang` of a card's text, so Chinese gets the glyph forms of its script. */
function satoriLang(card: OgCard): string {
  return card.contentLang === 'zh-Hant' ? 'zh-TW' : card.contentLang === 'zh-Hans' ? 'zh-CN' : 'en';
}

/**
 * A box with a 2 px rounded frame, as two filled boxes: the frame colour, and the fill inset by
 * 2 px with a radius 2 px smaller (the same curves). A CSS `border` with a radius would look the
 * same, but satori draws it as a stroke clipped to the box, and resvg renders each clip path in
 * layers of its own (measured: 0.6 ms a card, a seventh of the rasterising).
 */
function framed(outer: Record<string, unknown>, radius: number, fill: string, inner: Record<string, unknown>, text: string, extra: Record<string, unknown> = {}): OgNode {
  return el('div', { display: 'flex', flexShrink: 0, padding: 2, borderRadius: radius, background: COLORS.border, ...outer }, [
    el('div', { display: 'flex', whiteSpace: 'nowrap', borderRadius: radius - 2, background: fill, ...inner }, text, extra),
  ]);
}

/** The element tree of a card (give it a {@link drawableCard}). */
export function cardElement(card: OgCard): OgNode {
  const lang = satoriLang(card);
  const clamp = (lines: number) => ({ display: 'block', lineClamp: lines });
  const footer = [
    ...(card.collection ? [framed({ marginRight: 16 }, 10, COLORS.panel, { padding: '4px 16px', color: COLORS.text }, card.collection)] : []),
    ...(card.model ? [framed({ marginRight: 20 }, 10, COLORS.panel, { padding: '4px 16px', color: COLORS.accent }, card.model)] : []),
    ...(card.tools ? [el('div', { display: 'flex', whiteSpace: 'nowrap', color: COLORS.muted }, card.tools)] : []),
  ];
  return el(
    'div',
    {
      position: 'relative',
      width: OG_WIDTH,
      height: OG_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '56px 72px 56px 80px',
      background: COLORS.bg,
      color: COLORS.text,
      fontSize: 30,
    },
    [
      box(0, 0, 16, OG_HEIGHT, { background: COLORS.accent }),
      el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between' }, [
        el('div', { display: 'flex', alignItems: 'center' }, [logo(), el('div', { fontSize: 34, fontWeight: 700 }, card.siteName)]),
        // Filled with the card's background: the frame alone shows.
        framed({}, 999, COLORS.bg, { fontSize: 26, color: COLORS.muted, padding: '6px 22px' }, languageName(card), { lang }),
      ]),
      el('div', { display: 'flex', flexDirection: 'column' }, [
        el('div', { ...clamp(2), fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.15 }, card.title, { lang }),
        ...(card.name ? [el('div', { display: 'flex', marginTop: 12, fontSize: 30, color: COLORS.muted }, card.name)] : []),
        el('div', { ...clamp(3), marginTop: 28, fontSize: 34, lineHeight: 1.4, color: COLORS.soft }, card.description, { lang }),
      ]),
      el('div', { display: 'flex', alignItems: 'center', height: 48, fontSize: 26 }, footer),
    ],
  );
}

/** The card with characters the font cannot draw (emoji and the like) taken out. */
export function drawableCard(card: OgCard): OgCard {
  const chunks = fontChunks();
  const clean = (s: string) => drawableText(s, chunks).replace(/\s+/g, ' ').trim();
  const optional = (s: string | undefined) => (s ? clean(s) || undefined : undefined);
  return {
    ...card,
    siteName: clean(card.siteName),
    title: clean(card.title) || clean(card.name ?? '') || '?',
    name: optional(card.name),
    collection: clean(card.collection),
    description: clean(card.description),
    model: optional(card.model),
    tools: optional(card.tools),
  };
}

/** Every text of a card by the weight it is drawn in, to choose the font files. */
export function cardTexts(card: OgCard): Record<400 | 700, string> {
  return {
    700: `${card.siteName}${card.title}…`,
    400: `${languageName(card)}${card.name ?? ''}${card.description}${card.collection}${card.model ?? ''}${card.tools ?? ''}…`,
  };
}

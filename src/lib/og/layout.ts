import { OG_HEIGHT, OG_WIDTH, type OgCard } from './card.ts';

/**
 * The drawing of a preview card, as the element tree satori takes (plain objects, no React).
 * Colours are the site's dark theme, so a card looks like the site it leads to.
 */

/** A satori element: a tag, a style, children. */
export interface OgNode {
  type: string;
  props: { style?: Record<string, unknown>; children?: Array<OgNode | string> | OgNode | string; [key: string]: unknown };
}

const COLORS = { bg: '#0f1419', panel: '#161b22', text: '#e6edf3', soft: '#c9d1d9', muted: '#9aa7b4', accent: '#3b82f6', border: '#30363d' };

/** The site's mark (public/favicon.svg), inlined so the card needs no file. */
const LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><circle cx="10" cy="11" r="4" fill="#fff"/><circle cx="22" cy="11" r="4" fill="#fff"/><circle cx="16" cy="23" r="4" fill="#fff"/><path d="M10 11L22 11L16 23Z" fill="none" stroke="#fff" stroke-width="2"/></svg>',
).toString('base64')}`;

function el(type: string, style: Record<string, unknown>, children?: OgNode['props']['children'], extra: Record<string, unknown> = {}): OgNode {
  return { type, props: { style, ...extra, ...(children === undefined ? {} : { children }) } };
}

/** Title size that keeps long titles within two lines. */
export function titleSize(title: string): number {
  const n = [...title].length;
  if (n <= 24) return 76;
  if (n <= 40) return 64;
  return 52;
}

/** The element tree of a card. Language tags let satori pick the right glyph forms. */
export function cardElement(card: OgCard): OgNode {
  const lang = card.contentLang === 'zh-Hant' ? 'zh-TW' : card.contentLang === 'zh-Hans' ? 'zh-CN' : 'en';
  const uiLang = card.locale === 'zh-Hant' ? 'zh-TW' : card.locale === 'zh-Hans' ? 'zh-CN' : 'en';
  const clamp = (lines: number) => ({ display: 'block', lineClamp: lines, overflow: 'hidden' });
  return el(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '56px 72px 56px 64px',
      background: COLORS.bg,
      borderLeft: `16px solid ${COLORS.accent}`,
      color: COLORS.text,
      fontSize: 30,
    },
    [
      el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between' }, [
        el('div', { display: 'flex', alignItems: 'center' }, [
          el('img', { width: 52, height: 52, marginRight: 20 }, undefined, { src: LOGO, width: 52, height: 52 }),
          el('div', { fontSize: 34, fontWeight: 700, color: COLORS.text }, card.siteName),
        ]),
        el('div', { display: 'flex', fontSize: 26, color: COLORS.muted, border: `2px solid ${COLORS.border}`, borderRadius: 999, padding: '6px 22px' }, card.languageName, { lang: uiLang }),
      ]),
      el('div', { display: 'flex', flexDirection: 'column' }, [
        el('div', { ...clamp(2), fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.15, color: COLORS.text }, card.title, { lang }),
        ...(card.name ? [el('div', { display: 'flex', marginTop: 12, fontSize: 30, color: COLORS.muted }, card.name)] : []),
        el('div', { ...clamp(3), marginTop: 28, fontSize: 34, lineHeight: 1.4, color: COLORS.soft }, card.description, { lang }),
      ]),
      el('div', { display: 'flex', alignItems: 'center', fontSize: 28, color: COLORS.muted }, [
        el('div', { display: 'flex', marginRight: 14 }, card.collectionLabel, { lang: uiLang }),
        el('div', { display: 'flex', color: COLORS.text, background: COLORS.panel, border: `2px solid ${COLORS.border}`, borderRadius: 10, padding: '4px 16px' }, card.collection),
      ]),
    ],
  );
}

/** Every text of a card by the weight it is drawn in, to choose the font files. */
export function cardTexts(card: OgCard): Record<400 | 700, string> {
  return {
    700: `${card.siteName}${card.title}…`,
    400: `${card.languageName}${card.name ?? ''}${card.description}${card.collectionLabel}${card.collection}…`,
  };
}

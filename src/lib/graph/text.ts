/**
 * Text measurement for the graph renderer. There is no font engine at build time, so widths
 * are estimated per character; layout.ts sizes node boxes with these, svg.ts the legend.
 */

/** Font size (px) the renderer uses for labels; widths below are estimated for it. */
export const FONT_SIZE = 13;
/** Font size (px) of the second line. */
export const SUB_FONT_SIZE = 11;
/** Widest a node box may get; longer labels are shortened. */
export const MAX_NODE_WIDTH = 240;

// East Asian Wide/Fullwidth ranges (Hangul Jamo, CJK, Hangul, compatibility, fullwidth forms,
// supplementary ideographs) and emoji: these glyphs take about one em, twice a Latin letter.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/**
 * Estimated advance width of one character at `fontSize`: a narrow character is one unit
 * (0.55 em, about the average lowercase Latin letter in system-ui) and a wide (CJK)
 * character two. We cannot measure text at build time without a font engine, so the unit
 * errs on the wide side; CJK glyphs are 1 em, so they get a little slack too.
 */
export function charWidth(ch: string, fontSize = FONT_SIZE): number {
  const unit = fontSize * 0.55;
  return WIDE.test(ch) ? 2 * unit : unit;
}

/** Estimated rendered width of `text` in pixels at `fontSize`. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch, fontSize);
  return w;
}

/**
 * `text`, shortened with a `…` so its estimated width stays within `maxWidth`: at the end, or
 * with `keep: 'end'` at the start (for paths such as collection names, whose last part is what
 * tells them apart).
 * @example fitText('s004-templates/cli-tool/agents/devops (12)', 120, 13, 'end') // '…nts/devops (12)'
 */
export function fitText(text: string, maxWidth: number, fontSize = FONT_SIZE, keep: 'start' | 'end' = 'start'): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const budget = maxWidth - charWidth('…', fontSize);
  const chars = keep === 'start' ? [...text] : [...text].reverse();
  let n = 0;
  let w = 0;
  for (const ch of chars) {
    const cw = charWidth(ch, fontSize);
    if (w + cw > budget) break;
    n++;
    w += cw;
  }
  return keep === 'start' ? `${chars.slice(0, n).join('').trimEnd()}…` : `…${chars.slice(0, n).reverse().join('').trimStart()}`;
}

import OpenCC from 'opencc-js';
import overrides from './opencc-overrides.json' with { type: 'json' };

/**
 * Traditional (Taiwan phrases) ↔ Simplified conversion: OpenCC plus the project's dictionary of
 * overrides (`opencc-overrides.json`), applied in both directions. Overrides are protected by
 * private-use placeholders before OpenCC runs, so OpenCC's phrase tables cannot rewrite them.
 */

/** The two Chinese scripts. */
export type Script = 'zh-Hant' | 'zh-Hans';

interface OverridePair {
  hans: string;
  hant: string;
  only?: 'toHant' | 'toHans';
}

const PAIRS = (overrides as { pairs: OverridePair[] }).pairs;

function table(to: Script): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const p of PAIRS) {
    if (to === 'zh-Hant' && p.only !== 'toHans') rows.push([p.hans, p.hant]);
    if (to === 'zh-Hans' && p.only !== 'toHant') rows.push([p.hant, p.hans]);
  }
  // Longest source first, so 质量标准 wins over 质量.
  return rows.sort((a, b) => b[0].length - a[0].length);
}

const TABLES: Record<Script, Array<[string, string]>> = { 'zh-Hant': table('zh-Hant'), 'zh-Hans': table('zh-Hans') };
// Built on first use: loading OpenCC's dictionaries takes about a second, and most builds (a
// rebuild served from the cache, an English-only catalog) convert nothing.
let base: Record<Script, (s: string) => string> | undefined;
function baseConverter(to: Script): (s: string) => string {
  base ??= {
    'zh-Hant': OpenCC.Converter({ from: 'cn', to: 'twp' }),
    'zh-Hans': OpenCC.Converter({ from: 'twp', to: 'cn' }),
  };
  return base[to];
}

// Private-use code points; agent files do not contain them, and OpenCC leaves them alone.
const PUA_BASE = 0xf0000;

/**
 * Converts text to the given Chinese script.
 * @example toScript('智能体的质量', 'zh-Hant') // '智能體的品質'
 */
export function toScript(text: string, to: Script): string {
  return hasConvertibleHan(text) ? toScriptPiece(text, to) : text;
}

/** The quick test of {@link toScript}: text without a common Han character is left as it is. */
export function hasConvertibleHan(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/**
 * Converts a piece of a larger text that {@link toScript} converts ({@link hasConvertibleHan}),
 * exactly as it is converted inside that text: without the quick test, which the piece alone
 * might fail (a rare Han character outside the tested range is still converted).
 */
export function toScriptPiece(text: string, to: Script): string {
  const rows = TABLES[to];
  const replacements: string[] = [];
  let protectedText = text;
  rows.forEach(([from, target]) => {
    if (!protectedText.includes(from)) return;
    const marker = String.fromCodePoint(PUA_BASE + replacements.length);
    replacements.push(target);
    protectedText = protectedText.split(from).join(marker);
  });
  const converted = baseConverter(to)(protectedText);
  return replacements.length
    ? converted.replace(/[\u{F0000}-\u{FFFFD}]/gu, (m) => replacements[m.codePointAt(0)! - PUA_BASE] ?? m)
    : converted;
}

// Character-level converters (no phrase tables) for script detection: lengths stay equal.
let chars: Record<Script, (s: string) => string> | undefined;

/** Counts how many characters a character-level conversion changes: which script text is in. */
export function changedCharacters(text: string, to: Script): number {
  chars ??= {
    'zh-Hant': OpenCC.Converter({ from: 'cn', to: 't' }),
    'zh-Hans': OpenCC.Converter({ from: 't', to: 'cn' }),
  };
  const converted = chars[to](text);
  // Compared code point by code point, without splitting both texts into arrays of characters.
  let changed = 0;
  let i = 0;
  let j = 0;
  while (i < text.length && j < converted.length) {
    const a = text.codePointAt(i)!;
    const b = converted.codePointAt(j)!;
    if (a !== b) changed++;
    i += a > 0xffff ? 2 : 1;
    j += b > 0xffff ? 2 : 1;
  }
  // The longer text's remaining characters count as changed.
  for (; i < text.length; changed++) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  for (; j < converted.length; changed++) j += converted.codePointAt(j)! > 0xffff ? 2 : 1;
  return changed;
}

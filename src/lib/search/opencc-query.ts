import { ConverterBuilder, ConverterFactory } from 'opencc-js/core';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import STCharacters from 'opencc-js/dict/STCharacters';
import STRegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import overrides from '../localize/opencc-overrides.json' with { type: 'json' };
import { type OverridePair, type ScriptConverters, withOverrides } from './script-convert.ts';

/**
 * The query converters: OpenCC's `s2twp` and `tw2sp` configurations (as `localize/chinese.ts`
 * uses them) built from single dictionaries, with the Simplified→Traditional phrase table passed
 * in, so the browser can fetch a pruned one (see `pruneStPhrases`). The browser loads this
 * module only when a query contains Han characters.
 */

/**
 * Creates both converters.
 * @param stPhrases OpenCC's STPhrases table, whole or pruned.
 */
export function createQueryConverters(stPhrases: string): ScriptConverters {
  const st = stPhrases ? [stPhrases, STRegionalPhrases] : [STRegionalPhrases];
  const build = ConverterBuilder({
    from: { cn: [], twp: [] },
    to: { cn: [], twp: [] },
    configs: {
      s2twp: {
        normalizationChain: [[CJKCompatibility]],
        segmentation: st,
        conversionChain: [[...st, STCharacters], [TWPhrases, TWVariantsPhrases, TWVariants]],
      },
      tw2sp: {
        normalizationChain: [[CJKCompatibility]],
        segmentation: [TSPhrases],
        conversionChain: [[TWPhrasesRev, TWVariantsRevPhrases, TWVariantsRev], [TSPhrases, TSCharacters]],
      },
    },
  } as never);
  const pairs = (overrides as { pairs: OverridePair[] }).pairs;
  return {
    toHant: withOverrides(build({ from: 'cn', to: 'twp' }), pairs, 'zh-Hant'),
    toHans: withOverrides(build({ from: 'twp', to: 'cn' }), pairs, 'zh-Hans'),
    toHantChars: ConverterFactory([STCharacters], [TWVariants]),
    toHansChars: ConverterFactory([TWVariantsRev], [TSCharacters]),
  };
}

import { describe, expect, it } from 'vitest';
import STPhrases from 'opencc-js/dict/STPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import { createQueryConverters } from '../../src/lib/search/opencc-query.ts';
import { conversionsFor, pruneStPhrases } from '../../src/lib/search/script-convert.ts';
import { toScript } from '../../src/lib/localize/chinese.ts';

const samples = ['数据库', '速率限制', '上下文管理器', '服务器端', '智能体的质量', '项目文件', '仪表板', '代码审查', '后端开发检查清单', '信息综合'];
const pruned = pruneStPhrases(STPhrases, STCharacters);
const full = createQueryConverters(STPhrases);
const light = createQueryConverters(pruned);

describe('converting a query between scripts as the site converts pages', () => {
  it('matches localize/chinese.ts exactly with the whole phrase table, overrides included', () => {
    for (const s of samples) {
      expect(full.toHant(s)).toBe(toScript(s, 'zh-Hant'));
      expect(full.toHans(toScript(s, 'zh-Hant'))).toBe(toScript(toScript(s, 'zh-Hant'), 'zh-Hans'));
    }
    expect(full.toHant('数据库')).toBe('資料庫');
    expect(full.toHant('智能体的质量')).toBe('智能體的品質');
  });

  it('gives the same words with the pruned table, a fraction of its size', () => {
    expect(pruned.length).toBeLessThan(STPhrases.length / 4);
    for (const s of samples) expect(light.toHant(s)).toBe(full.toHant(s));
  });

  it('also converts character by character, for words the page converted in context', () => {
    expect(light.toHantChars('数据库')).toBe('數據庫');
    expect(light.toHansChars('資料庫')).toBe('资料库');
  });

  it('converts to the site script on a Chinese site and to both on the English one', () => {
    expect(conversionsFor('zh-Hant', light).map((c) => c('数据库'))).toEqual(['資料庫', '數據庫']);
    expect(conversionsFor('zh-Hans', light).map((c) => c('資料庫'))).toEqual(['数据库', '资料库']);
    expect(conversionsFor('en', light)).toHaveLength(4);
  });
});

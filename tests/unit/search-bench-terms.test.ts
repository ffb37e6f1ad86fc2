import { describe, expect, it } from 'vitest';
import { containsQuery, hanWords, pool, random, sampleTerms, scoreQuery } from '../../scripts/cjk-bench/terms.ts';

describe('the Chinese search benchmark', () => {
  it('decides relevance on the text, with optional spacing between scripts and every word required', () => {
    expect(containsQuery('用 SQL 查询数据', 'SQL查询')).toBe(true);
    expect(containsQuery('用sql查询数据', 'SQL查询')).toBe(true);
    expect(containsQuery('上下文管理器', '上下文 管理')).toBe(true);
    expect(containsQuery('上下文', '上下文 管理')).toBe(false);
    expect(containsQuery('规划. 分析', '划分')).toBe(false);
  });

  it('finds words and two-word compounds as candidate terms', () => {
    const words = hanWords('上下文管理器负责服务器');
    expect([...words].every((w) => /^\p{Script=Han}{2,6}$/u.test(w))).toBe(true);
    expect(words.size).toBeGreaterThan(2);
  });

  it('samples the same terms for the same seed, with the required ones', () => {
    const docs = ['上下文管理和服务器配置', '服务器端的数据库迁移', '数据库架构和上下文', '性能优化与安全漏洞'];
    const a = sampleTerms(docs, { frequent: 2, mid: 2, rare: 2 }, 7, ['上下文']);
    expect(a).toEqual(sampleTerms(docs, { frequent: 2, mid: 2, rare: 2 }, 7, ['上下文']));
    expect(a[0]).toMatchObject({ term: '上下文', df: 2 });
    expect(random(1)()).toBe(random(1)());
  });

  it('pools recall over relevant pages and precision over returned ones', () => {
    const s1 = scoreQuery('a', ['p1', 'p2', 'p3'], new Set(['p1', 'p2']), (p) => p === 'p3');
    const s2 = scoreQuery('b', ['p1'], new Set(['p1', 'p4']), () => false);
    expect(s1).toMatchObject({ found: 3, relevant: 2, foundRelevant: 2, foundAcceptable: 3 });
    const pooled = pool([s1, s2]);
    expect(pooled.recall).toBeCloseTo(3 / 4);
    expect(pooled.precision).toBe(1);
    expect(pooled.meanRecall).toBeCloseTo((1 + 0.5) / 2);
    expect(pooled.imperfect).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { hanTokens, parseQuery, queryTokens, withAlternatives } from '../../src/lib/search/query.ts';
import { hasHan, separateHan } from '../../src/lib/search/han.ts';

const alts = (q: string) => parseQuery(q).map((g) => g.alternatives);

describe('query rewriting', () => {
  it('turns Chinese into a phrase of single characters', () => {
    expect(alts('上下文')).toEqual([[['上', '下', '文']]]);
    expect(alts('速率限制')).toEqual([[['速', '率', '限', '制']]]);
  });

  it('keeps a mixed query such as SQL查询 as one phrase with the Latin word lower-cased', () => {
    expect(hanTokens('SQL查询')).toEqual(['sql', '查', '询']);
    expect(alts('SQL查询')).toEqual([[['sql', '查', '询']]]);
  });

  it('makes each word of a multi-word query a group of its own', () => {
    expect(alts('上下文 管理')).toEqual([[['上', '下', '文']], [['管', '理']]]);
    expect(alts('rate limiting')).toEqual([[['rate']], [['limiting']]]);
  });

  it('splits Chinese at punctuation, and drops groups that are only punctuation', () => {
    expect(alts('上下文，管理')).toEqual([[['上', '下', '文']], [['管', '理']]]);
    expect(alts('— ， ?')).toEqual([]);
    expect(alts('   ')).toEqual([]);
  });

  it('reads a quoted part as one phrase', () => {
    expect(alts('"rate limiting" api')).toEqual([[['rate', 'limiting']], [['api']]]);
    expect(alts('"上下文 管理"')).toEqual([[['上', '下', '文', '管', '理']]]);
  });

  it('normalizes full-width letters as the index does', () => {
    expect(alts('ＡＰＩ设计')).toEqual([[['api', '设', '计']]]);
  });

  it('adds the other script as an alternative of Han groups only', () => {
    const groups = withAlternatives(parseQuery('数据库 api'), [(s) => s.replace('数据库', '資料庫'), (s) => s]);
    expect(groups[0].alternatives).toEqual([['数', '据', '库'], ['資', '料', '庫']]);
    expect(groups[1].alternatives).toEqual([['api']]);
    expect(queryTokens(groups)).toEqual(['数', '据', '库', '資', '料', '庫', 'api']);
  });
});

describe('Han text for the index', () => {
  it('separates Han characters from each other and from letters, not letters from letters', () => {
    expect(separateHan('SQL查询 API')).toBe('SQL 查 询 API');
    expect(separateHan('上下文')).toBe('上 下 文');
    expect(separateHan('plain text')).toBe('plain text');
    // Punctuation beside a Han character, and Chinese punctuation beside anything, is a word of its own.
    expect(separateHan('上下文，管理')).toBe('上 下 文 ， 管 理');
    expect(separateHan('API、设计 (数据)')).toBe('API 、 设 计 ( 数 据 )');
  });

  it('tells text with Han characters', () => {
    expect(hasHan('API')).toBe(false);
    expect(hasHan('API 设计')).toBe(true);
  });
});

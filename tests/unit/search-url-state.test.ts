import { describe, expect, it } from 'vitest';
import { hasFilters, indexFilters, parseSearchState, searchStateToQuery } from '../../src/lib/search/url-state.ts';
import { fill, resultCount } from '../../src/lib/search/strings.ts';

describe('search state in the URL', () => {
  it('round-trips a filtered search', () => {
    const state = { q: '速率限制', kind: 'checklist' as const, tool: 'Bash', model: 'opus', collection: 'voltagent-zh-hant' };
    const query = searchStateToQuery(state);
    expect(query).toBe('?q=%E9%80%9F%E7%8E%87%E9%99%90%E5%88%B6&kind=checklist&tool=Bash&model=opus&collection=voltagent-zh-hant');
    expect(parseSearchState(query)).toEqual(state);
  });

  it('ignores unknown kinds and empty values', () => {
    expect(parseSearchState('?q=+api+&kind=everything&tool=')).toEqual({ q: 'api' });
    expect(searchStateToQuery({ q: '' })).toBe('');
  });

  it('passes tool, model and collection to Pagefind, not the kind', () => {
    const state = parseSearchState('?q=api&kind=example&tool=Read&collection=%2F');
    expect(indexFilters(state)).toEqual({ tool: 'Read', collection: '/' });
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters({ q: 'api' })).toBe(false);
  });
});

describe('result strings', () => {
  it('fills placeholders and uses the singular for one result', () => {
    expect(fill('No results for “{q}”.', { q: 'api' })).toBe('No results for “api”.');
    expect(resultCount({ results: '{count} results', resultOne: '1 result' }, 1)).toBe('1 result');
    expect(resultCount({ results: '{count} 条结果', resultOne: '1 个结果' }, 3)).toBe('3 条结果');
  });
});

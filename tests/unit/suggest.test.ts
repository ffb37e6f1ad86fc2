import { describe, expect, it } from 'vitest';
import { editDistance, notFoundLocale, parseMissingPath, slugList, suggestAgents, type SlugList } from '../../src/lib/routing/suggest.ts';

const loc = (en: string, hant: string, hans: string) => ({ en: { title: en }, 'zh-Hant': { title: hant }, 'zh-Hans': { title: hans } });
const list: SlugList = slugList(
  [
    { slug: 'backend-developer', name: 'backend-developer', localized: loc('backend-developer', '後端開發者', '后端开发者') },
    { slug: 'backend-engineer', name: 'backend-engineer', localized: loc('backend-engineer', 'backend-engineer', 'backend-engineer') },
    { slug: 'contains-studio/backend-architect', name: 'backend-architect', localized: loc('backend-architect', 'backend-architect', 'backend-architect') },
    { slug: 'telegram-bot/backend-architect', name: 'backend-architect', localized: loc('backend-architect', '後端架構師', '后端架构师') },
    { slug: 'release-manager', name: 'release-manager', localized: loc('release-manager', 'release-manager', 'release-manager') },
  ],
  [{ from: 'releases', to: 'release-manager' }],
);

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('backend-develper', 'backend-developer')).toBe(1);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('後端開發', '後端開發者')).toBe(1);
  });
});

describe('parseMissingPath', () => {
  it('takes the base path, the locale segment and agents/ off', () => {
    expect(parseMissingPath('/agent-atlas/en/agents/backend-develper/', '/agent-atlas/')).toEqual({ locale: 'en', query: 'backend-develper' });
    expect(parseMissingPath('/agent-atlas/zh-hant/agents/telegram-bot/backend-architekt/', '/agent-atlas/')).toEqual({
      locale: 'zh-Hant',
      query: 'telegram-bot/backend-architekt',
    });
    expect(parseMissingPath('/agents/Backend-Developer', '/')).toEqual({ locale: undefined, query: 'backend-developer' });
    expect(parseMissingPath('/zh-hans/%E5%90%8E%E7%AB%AF/', '/')).toEqual({ locale: 'zh-Hans', query: '后端' });
    expect(parseMissingPath('/agent-atlas/raw/backend-developer.md', '/agent-atlas')).toEqual({ locale: undefined, query: 'backend-developer' });
  });

  it('survives a malformed escape', () => {
    expect(parseMissingPath('/en/agents/%E0%A4%A/', '/').query).toBe('%e0%a4%a');
  });
});

describe('notFoundLocale', () => {
  it('prefers the path, then the saved choice, then the browser', () => {
    expect(notFoundLocale('zh-Hans', 'en', ['zh-TW'])).toBe('zh-Hans');
    expect(notFoundLocale(undefined, 'zh-Hant', ['en-US'])).toBe('zh-Hant');
    expect(notFoundLocale(undefined, 'klingon', ['zh-CN'])).toBe('zh-Hans');
    expect(notFoundLocale(undefined, null, ['fr'])).toBe('en');
  });
});

describe('suggestAgents', () => {
  it('puts the agent one typo away first', () => {
    const s = suggestAgents('backend-develper', list, 'en');
    expect(s[0]).toEqual({ slug: 'backend-developer', title: 'backend-developer', distance: expect.any(Number) });
    expect(s[0].distance).toBeLessThan(0.1);
  });

  it('gives titles in the reader\'s locale', () => {
    expect(suggestAgents('backend-develper', list, 'zh-Hant')[0].title).toBe('後端開發者');
    expect(suggestAgents('后端开发', list, 'zh-Hans')[0]).toMatchObject({ slug: 'backend-developer', title: '后端开发者' });
  });

  it('finds collection-qualified slugs by their last segment and by a wrong collection', () => {
    const slugs = suggestAgents('backend-architect', list, 'en').map((s) => s.slug);
    expect(slugs.slice(0, 2).sort()).toEqual(['contains-studio/backend-architect', 'telegram-bot/backend-architect']);
    expect(suggestAgents('telegram-bot/backend-architekt', list, 'en')[0].slug).toBe('telegram-bot/backend-architect');
  });

  it('counts an old slug for the agent it leads to', () => {
    expect(suggestAgents('release', list, 'en')[0].slug).toBe('release-manager');
    expect(suggestAgents('releasse', list, 'en')[0].slug).toBe('release-manager');
  });

  it('returns nothing for unrelated text or an empty query, and respects the limit', () => {
    expect(suggestAgents('zzzzqqqq', list, 'en')).toEqual([]);
    expect(suggestAgents('', list, 'en')).toEqual([]);
    expect(suggestAgents('backend', list, 'en', { limit: 2 })).toHaveLength(2);
  });

  it('ranks a typo fix above a mere shared prefix', () => {
    const s = suggestAgents('backend-enginer', list, 'en');
    expect(s[0].slug).toBe('backend-engineer');
    expect(s.findIndex((x) => x.slug === 'backend-developer')).not.toBe(0);
  });
});

describe('slugList', () => {
  it('is compact: one array per agent, titles in locale order, repeats left empty', () => {
    expect(list.locales).toEqual(['en', 'zh-Hant', 'zh-Hans']);
    expect(list.agents[0]).toEqual(['backend-developer', '', '', '後端開發者', '后端开发者']);
    expect(list.agents[1]).toEqual(['backend-engineer', '']);
    expect(list.agents[2]).toEqual(['contains-studio/backend-architect', '']);
    expect(suggestAgents('backend-enginer', list, 'zh-Hans')[0].title).toBe('backend-engineer');
    expect(list.redirects).toEqual([['releases', 'release-manager']]);
  });
});

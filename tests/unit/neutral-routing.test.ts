import { describe, expect, it } from 'vitest';
import { localeLinks, localizedRedirectPaths, neutralPaths, neutralRest, redirectScript, scriptHash } from '../../src/lib/routing/neutral.ts';
import { robotsTxt, sectionsFromPageFiles, sitemapEntries, sitemapXml } from '../../src/lib/routing/sitemap.ts';

const loc = (en: string, hant: string, hans: string) => ({ en: { title: en }, 'zh-Hant': { title: hant }, 'zh-Hans': { title: hans } }) as never;
const agents = [
  { slug: 'backend-developer', name: 'backend-developer', localized: loc('Backend Developer', '後端開發者', '后端开发者') },
  { slug: 'telegram-bot/backend-architect', name: 'backend-architect', localized: loc('Backend Architect', '後端架構師', '后端架构师') },
];
const redirects = [
  { from: 'backend-dev', to: 'backend-developer', source: 'redirects:2' },
  { from: 'ghost', to: 'nobody', source: 'redirects:3' },
];

describe('neutral pages', () => {
  it('one per agent and one per old slug, each naming the current slug', () => {
    const paths = neutralPaths(agents, redirects);
    expect(paths.map((p) => p.params.slug)).toEqual(['backend-developer', 'telegram-bot/backend-architect', 'backend-dev']);
    expect(paths[2].props).toMatchObject({ slug: 'backend-developer', movedFrom: 'backend-dev', titles: { 'zh-Hant': '後端開發者' } });
    expect(paths[0].props.movedFrom).toBeUndefined();
  });

  it('links the three versions under the base path', () => {
    const links = localeLinks('telegram-bot/backend-architect', neutralPaths(agents, [])[1].props.titles, '/agent-atlas/');
    expect(links.map((l) => [l.segment, l.href, l.title])).toEqual([
      ['en', '/agent-atlas/en/agents/telegram-bot/backend-architect/', 'Backend Architect'],
      ['zh-hant', '/agent-atlas/zh-hant/agents/telegram-bot/backend-architect/', '後端架構師'],
      ['zh-hans', '/agent-atlas/zh-hans/agents/telegram-bot/backend-architect/', '后端架构师'],
    ]);
    expect(neutralRest('telegram-bot/backend-architect')).toBe('agents/telegram-bot/backend-architect/');
  });

  it('localized redirects: every locale × every usable old slug', () => {
    const paths = localizedRedirectPaths(agents, redirects);
    expect(paths.map((p) => `${p.params.locale}/${p.params.old}`)).toEqual(['en/backend-dev', 'zh-hant/backend-dev', 'zh-hans/backend-dev']);
    expect(paths[1].props).toEqual({ locale: 'zh-Hant', from: 'backend-dev', to: 'backend-developer', title: '後端開發者' });
  });

  it('the redirect script keeps query and fragment and cannot be broken out of', () => {
    expect(redirectScript('/a/en/agents/x/')).toBe('location.replace("/a/en/agents/x/"+location.search+location.hash);');
    expect(redirectScript('/x/</script><script>alert(1)//')).not.toContain('</script>');
    expect(scriptHash('a')).toBe('sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs=');
  });
});

describe('sitemap and robots', () => {
  const site = new URL('https://example.org');
  it('lists every locale version with the same alternates, x-default the neutral link', () => {
    const entries = sitemapEntries(['backend-developer'], ['graph'], '/agent-atlas/', site);
    expect(entries.map((e) => e.loc)).toEqual([
      'https://example.org/agent-atlas/en/',
      'https://example.org/agent-atlas/zh-hant/',
      'https://example.org/agent-atlas/zh-hans/',
      'https://example.org/agent-atlas/en/graph/',
      'https://example.org/agent-atlas/zh-hant/graph/',
      'https://example.org/agent-atlas/zh-hans/graph/',
      'https://example.org/agent-atlas/en/agents/backend-developer/',
      'https://example.org/agent-atlas/zh-hant/agents/backend-developer/',
      'https://example.org/agent-atlas/zh-hans/agents/backend-developer/',
    ]);
    expect(entries[7].alternates).toEqual([
      { hreflang: 'en', href: 'https://example.org/agent-atlas/en/agents/backend-developer/' },
      { hreflang: 'zh-Hant', href: 'https://example.org/agent-atlas/zh-hant/agents/backend-developer/' },
      { hreflang: 'zh-Hans', href: 'https://example.org/agent-atlas/zh-hans/agents/backend-developer/' },
      { hreflang: 'x-default', href: 'https://example.org/agent-atlas/agents/backend-developer/' },
    ]);
    expect(entries[0].alternates[3].href).toBe('https://example.org/agent-atlas/');
  });

  it('writes escaped XML with the xhtml namespace', () => {
    const xml = sitemapXml([{ loc: 'https://e.org/a?b&c', alternates: [{ hreflang: 'en', href: 'https://e.org/"x"' }] }]);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(xml).toContain('<loc>https://e.org/a?b&amp;c</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="en" href="https://e.org/&quot;x&quot;"/>');
  });

  it('finds per-locale pages from page files, and names the sitemap in robots.txt', () => {
    expect(sectionsFromPageFiles(['./[locale]/index.astro', './[locale]/search.astro', './[locale]/graph.astro', './[locale]/[x].astro'])).toEqual(['graph', 'search']);
    expect(robotsTxt('https://e.org/agent-atlas/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://e.org/agent-atlas/sitemap.xml\n');
  });
});

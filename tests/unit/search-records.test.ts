import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import type { Agent } from '../../src/lib/schema.ts';
import { LOCALES, type Locale } from '../../src/lib/locales.ts';
import { searchPages, searchRecord, type SearchRecord } from '../../src/lib/search/records.ts';
import { agentSearchHtml, recordToHtml } from '../../src/lib/search/record-html.ts';
import { decodeEntities, htmlToBlocks } from '../../src/lib/search/html-blocks.ts';
import { filterOptions } from '../../src/lib/search/filter-options.ts';

let agents: Agent[];
let searchHtml: Map<string, Record<Locale, string>>;
beforeAll(async () => {
  ({ agents, searchHtml } = await buildCatalog({ agentsDir: path.resolve('tests/fixtures/e2e-agents'), cacheDir: false }));
}, 120_000);
const agent = (slug: string) => agents.find((a) => a.slug === slug)!;
const anchors = (r: SearchRecord) => r.blocks.flatMap((b) => (b.anchor ? [b.anchor] : []));

describe('body HTML to flat blocks', () => {
  it('keeps a list item apart from its nested list, and headings with their ids', () => {
    expect(htmlToBlocks('<h2 id="a">A &amp; B</h2><ul>\n<li>x<ul><li>y</li></ul>tail</li></ul><pre><code>{"a":1}\n</code></pre>')).toEqual([
      { tag: 'h2', id: 'a', text: 'A & B' },
      { tag: 'li', text: 'x' },
      { tag: 'li', text: 'y' },
      { tag: 'li', text: 'tail' },
      { tag: 'pre', text: '{"a":1}' },
    ]);
  });

  it('decodes the references hast writes', () => {
    expect(decodeEntities('a &#x3C;b> &#38; &quot;c&quot; &unknown;')).toBe('a <b> & "c" &unknown;');
  });
});

describe('search records from agent data', () => {
  it('links every duty to the anchor the agent page uses', () => {
    const a = agent('backend-developer');
    const record = searchRecord(a, 'zh-Hant');
    // Every locale is one Pagefind language (the section maps tell the locales apart).
    for (const locale of LOCALES) expect(searchRecord(a, locale).language).toBe('en');
    const content = a.localized['zh-Hant'];
    const ids = anchors(record).map((x) => x.id);
    for (const item of content.responsibilities) expect(ids).toContain(item.id);
    for (const list of content.checklists) {
      expect(ids).toContain(`checklist-${list.id}`);
      for (const item of list.items) expect(ids).toContain(item.id);
    }
    expect(record.blocks.filter((b) => b.kind === 'responsibility').map((b) => b.text)).toEqual(content.responsibilities.map((i) => i.text));
  });

  it('indexes a duty once: the copy in the full definition is left out', () => {
    const record = searchRecord(agent('backend-developer'), 'en');
    const item = record.blocks.find((b) => b.kind === 'checklist')!;
    expect(record.blocks.filter((b) => b.text === item.text)).toHaveLength(1);
    // Body labels keep their own anchors.
    expect(anchors(record).some((x) => x.code === 's')).toBe(true);
  });

  it('anchors examples as example-N and keeps tools, model and collection as filters', () => {
    const withExamples = agents.find((a) => a.localized.en.examples.length)!;
    const record = searchRecord(withExamples, 'en');
    expect(anchors(record).filter((x) => x.code === 'e').map((x) => x.id)).toEqual(withExamples.localized.en.examples.map((_, i) => `example-${i + 1}`));
    expect(record.filters.tool).toEqual([...new Set(withExamples.tools)]);
    expect(record.filters.collection).toEqual([withExamples.collection || '/']);
    expect(record.filters.kind).toContain('example');
  });

  it('renders HTML with one word per Han character, weights, anchors and hidden meta', () => {
    const html = recordToHtml(searchRecord(agent('backend-developer'), 'zh-Hans'));
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('data-pagefind-meta="title"');
    expect(html).toMatch(/<p data-pagefind-weight="6"><i id="i-[0-9a-f]+" data-pagefind-title="r"><\/i>/);
    const indexed = [...html.matchAll(/<p [^>]*>(.*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join('\n');
    expect(indexed).toMatch(/\p{Script=Han} \p{Script=Han}/u);
    // Every block ends with a full stop of its own (one word between blocks).
    for (const block of [...html.matchAll(/<p [^>]*>(.*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''))) expect(block.endsWith(' \u3002')).toBe(true);
    const english = agents.find((a) => !/\p{Script=Han}/u.test(agentSearchHtml(a).en))!;
    expect(agentSearchHtml(english).en).not.toContain('\u3002');
    expect(indexed).not.toMatch(/\p{Script=Han}\p{Script=Han}/u);
    expect(html).not.toContain('\u200B');
  });

  it('are what the catalog made for the index: one page per agent and distinct record, for the locales that show it', () => {
    const pages = searchPages(agents, searchHtml, '/agent-atlas/');
    for (const a of agents) {
      const own = pages.filter((p) => p.slug === a.slug);
      // Every locale is served by exactly one page: its own record's.
      expect(own.flatMap((p) => p.locales).sort()).toEqual([...LOCALES].sort());
      for (const locale of LOCALES) {
        const page = own.find((p) => p.locales.includes(locale))!;
        expect(page.html).toBe(recordToHtml(searchRecord(a, locale)));
        // Indexed under the URL of its first locale.
        expect(page.url).toBe(`/agent-atlas/${page.locales[0].toLowerCase()}/agents/${a.slug}/`);
      }
      // Pages of one agent are distinct documents: a shared record is indexed once.
      expect(new Set(own.map((p) => p.html)).size).toBe(own.length);
    }
    // An untranslated English seed: its Chinese pages show its English content, one page for all three.
    const english = agents.find((a) => a.sourceLang === 'en' && a.localized['zh-Hant'].status === 'missing' && a.localized['zh-Hans'].status === 'missing')!;
    expect(pages.filter((p) => p.slug === english.slug).map((p) => p.locales)).toEqual([['en', 'zh-Hant', 'zh-Hans']]);
    // A Chinese agent: the two scripts are two records, and its English page shares its source's
    // record when it has no English translation (it shows the source).
    const chinese = agents.filter((a) => a.sourceLang === 'zh-Hant' || a.sourceLang === 'zh-Hans');
    expect(chinese.length).toBeGreaterThan(0);
    for (const a of chinese) {
      const other = a.sourceLang === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant';
      const source = a.localized.en.status === 'missing' ? ['en', a.sourceLang] : [a.sourceLang];
      const expected = a.localized.en.status === 'missing' ? [source, [other]] : [['en'], source, [other]];
      expect(pages.filter((p) => p.slug === a.slug).map((p) => p.locales).sort()).toEqual(expected.sort());
    }
    expect(pages.length).toBeLessThan(agents.length * LOCALES.length);
    // An agent the catalog made no HTML for is an error, never a page missing from search.
    expect(() => searchPages([{ slug: 'nobody' }], searchHtml, '/')).toThrow(/nobody/);
  });

  it('shares one record between locales that show the same content, and only between those', () => {
    const a = agent('backend-developer');
    const zhHant = a.localized['zh-Hant'];
    const withZhHans = (zhHans: typeof zhHant) => ({ ...a, localized: { ...a.localized, 'zh-Hans': zhHans } });
    // The same fields (as an untranslated locale has): the same record, and one index language.
    const shared = withZhHans({ ...zhHant, status: 'missing' });
    const html = agentSearchHtml(shared);
    expect(html['zh-Hans']).toBe(recordToHtml(searchRecord(shared, 'zh-Hans')));
    expect(html['zh-Hans']).toBe(html['zh-Hant']);
    // One field differs: a record of its own.
    for (const changed of [{ title: 'Another title' }, { html: '<p>Another body</p>' }, { examples: [] }]) {
      const other = withZhHans({ ...zhHant, ...changed });
      expect(agentSearchHtml(other)['zh-Hans']).toBe(recordToHtml(searchRecord(other, 'zh-Hans')));
    }
    expect(agentSearchHtml(withZhHans({ ...zhHant, title: 'Another title' }))['zh-Hans']).toContain('Another title');
  });

  it('makes one record for every locale that shows the same content, with or without Han characters', () => {
    const english = agents.find((a) => a.sourceLang === 'en' && a.localized['zh-Hant'].status === 'missing' && a.localized['zh-Hans'].status === 'missing')!;
    const html = agentSearchHtml(english);
    for (const locale of LOCALES) expect(html[locale]).toBe(recordToHtml(searchRecord(english, locale)));
    expect(new Set(Object.values(html)).size).toBe(1);
    const content = { ...english.localized.en, summary: '数据库 tools' };
    const withHan = { ...english, localized: { en: content, 'zh-Hant': content, 'zh-Hans': content } };
    const both = agentSearchHtml(withHan);
    for (const locale of LOCALES) expect(both[locale]).toBe(recordToHtml(searchRecord(withHan, locale)));
    expect(new Set(Object.values(both)).size).toBe(1);
  });

  it('offers filter values from the catalog, most used first', () => {
    const options = filterOptions(agents);
    expect(options.tool.length).toBeGreaterThan(0);
    expect(options.tool[0].count).toBeGreaterThanOrEqual(options.tool.at(-1)!.count);
    expect(options.collection.map((o) => o.value)).toContain('telegram-bot');
  });
});

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../src/lib/catalog/build-catalog.ts';
import { LOCALES } from '../../src/lib/locales.ts';
import { PAGE_SECTION_IDS } from '../../src/lib/ids.ts';
import type { Agent, Item } from '../../src/lib/schema.ts';
import { extractedIds, uniqueDefinitionIds } from '../../src/lib/render/unique-anchors.ts';

/**
 * A shared link names an anchor; the reader may open it in any of the three languages. So every
 * section, responsibility and checklist item must carry the same id in all three locales, and the
 * ids must come from the source file rather than the translated words.
 */

let catalog: Catalog;
beforeAll(async () => {
  catalog = await buildCatalog({ agentsDir: path.resolve('agents'), cacheDir: false });
});

/** Item ids in document order, nested items included. */
function itemIds(items: readonly Item[]): string[] {
  return items.flatMap((i) => [i.id, ...itemIds(i.children)]);
}

function anchorsOf(agent: Agent, locale: (typeof LOCALES)[number]) {
  const c = agent.localized[locale];
  return {
    sections: c.sections.map((s) => s.id),
    responsibilities: itemIds(c.responsibilities),
    checklists: c.checklists.map((l) => ({ id: l.id, items: itemIds(l.items) })),
    headings: [...c.html.matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)].map((m) => m[1]),
  };
}

describe('anchor ids agree across locales', () => {
  it('finds every seed agent', () => {
    expect(catalog.agents.length).toBeGreaterThanOrEqual(5);
  });

  it('every seed has sections, responsibilities and checklists to link to', () => {
    for (const agent of catalog.agents) {
      const a = anchorsOf(agent, agent.sourceLang);
      expect(a.sections.length, agent.slug).toBeGreaterThan(0);
      expect(a.responsibilities.length + a.checklists.length, agent.slug).toBeGreaterThan(0);
    }
  });

  for (const locale of LOCALES) {
    it(`ids in ${locale} equal the ids of the source language`, () => {
      for (const agent of catalog.agents) {
        const source = anchorsOf(agent, agent.sourceLang);
        const other = anchorsOf(agent, locale);
        expect(other.sections, `${agent.slug} sections in ${locale}`).toEqual(source.sections);
        expect(other.responsibilities, `${agent.slug} responsibilities in ${locale}`).toEqual(source.responsibilities);
        expect(other.checklists, `${agent.slug} checklists in ${locale}`).toEqual(source.checklists);
        expect(other.headings, `${agent.slug} heading ids in ${locale}`).toEqual(source.headings);
      }
    });
  }

  it('ids are unique within a page once the definition yields the ids its extracted items use', () => {
    for (const agent of catalog.agents) {
      for (const locale of LOCALES) {
        const c = agent.localized[locale];
        const taken = extractedIds(c);
        const html = uniqueDefinitionIds(c.html, taken);
        const inHtml = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
        const items = [...itemIds(c.responsibilities), ...c.checklists.flatMap((l) => itemIds(l.items))];
        const all = [...Object.values(PAGE_SECTION_IDS), ...items, ...inHtml];
        expect(new Set(all).size, `${agent.slug} in ${locale}`).toBe(all.length);
        // The renaming is the same in every locale, since the ids it starts from are.
        expect(html.match(/\sid="[^"]+"/g), `${agent.slug} in ${locale}`).toEqual(
          uniqueDefinitionIds(agent.localized[agent.sourceLang].html, extractedIds(agent.localized[agent.sourceLang])).match(/\sid="[^"]+"/g),
        );
      }
    }
  });

  it('ids do not change when the translated words change', async () => {
    // A Simplified page is made from the Traditional source by OpenCC; its words differ, its ids do not.
    const zh = catalog.agents.find((a) => a.sourceLang === 'zh-Hant');
    expect(zh).toBeDefined();
    expect(zh!.localized['zh-Hans'].title === zh!.localized['zh-Hant'].title && zh!.localized['zh-Hans'].html === zh!.localized['zh-Hant'].html).toBe(false);
    expect(anchorsOf(zh!, 'zh-Hans')).toEqual(anchorsOf(zh!, 'zh-Hant'));
  });
});

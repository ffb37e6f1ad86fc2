import { afterAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { recordToHtml } from '../../src/lib/search/record-html.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { decodeBundleFile, sectionMaps } from '../../src/lib/search/index-files.ts';
import { fragmentWords } from '../../src/lib/search/excerpt.ts';
import { entryStarts, entryTitle, partAt } from '../../src/lib/search/section-map.ts';

/** A record as the catalog makes it, small enough to read positions by hand; and its page's URL. */
const url = '/zh-hans/agents/planner/';
const slug = 'planner';
const record: SearchRecord = {
  language: 'en',
  title: '规划师',
  filters: { tool: ['Read'], model: ['opus'], collection: ['/'], kind: ['responsibility', 'checklist'] },
  blocks: [
    { kind: 'name', text: '规划师' },
    { kind: 'description', text: '负责上下文管理', anchor: { id: 'description', code: 'd' } },
    { kind: 'responsibility', text: '实施速率限制', anchor: { id: 'i-1', code: 'r' } },
    { kind: 'checklistTitle', text: '发布清单', anchor: { id: 'checklist-p-1', code: 'k', label: '发布清单' } },
    { kind: 'checklist', text: '做好规划', anchor: { id: 'i-2', code: 'c' } },
    { kind: 'text', text: '分析 SQL查询', anchor: { id: 'definition', code: 'b' } },
  ],
};

afterAll(async () => {
  await pagefind.close();
});

describe('the index Pagefind builds from a record', () => {
  it('stores one word per Han character, separates blocks, and maps positions to parts', async () => {
    const { index } = await pagefind.createIndex({});
    const added = await index!.addHTMLFile({ url: url, content: recordToHtml(record) });
    expect(added.errors).toEqual([]);
    const { files } = await index!.getFiles();
    const fragmentFile = files.find((f) => f.path.includes('fragment/en_'))!;
    const fragment = decodeBundleFile(fragmentFile.content) as { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]>; anchors: Array<{ id: string; title?: string; location: number }> };
    expect(fragment.url).toBe(url);
    expect(fragment.meta.title).toBe('规划师');
    expect(fragment.filters.tool).toEqual(['Read']);
    expect(fragment.anchors.map((a) => [a.id, a.title])).toEqual([
      ['description', 'd'],
      ['i-1', 'r'],
      ['checklist-p-1', 'k|发布清单'],
      ['i-2', 'c'],
      ['definition', 'b'],
    ]);
    const words = fragmentWords(fragment.content).map((w) => w.trim());
    // 规划 (end of a checklist item) and 分析 (next block) must not be adjacent words.
    const hua = words.lastIndexOf('划');
    const fen = words.indexOf('分');
    expect(fen - hua).toBeGreaterThan(1);
    expect(words.slice(words.indexOf('上'), words.indexOf('上') + 3)).toEqual(['上', '下', '文']);
    // Indexed once for every locale that shows it: the page is in each of their maps.
    const maps = sectionMaps(files, (u) => {
      expect(u).toBe(url);
      return { slug, maps: ['en', 'zh-hans', 'zh-hant'] };
    });
    expect([...maps.keys()].sort()).toEqual(['en', 'zh-hans', 'zh-hant']);
    const map = maps.get('zh-hans')!;
    expect(maps.get('zh-hant')).toEqual(map);
    expect(maps.get('en')).toEqual(map);
    const entry = Object.values(map)[0];
    expect(entry.slice(6)).toEqual(['planner', '规划师']);
    expect(entryTitle(entry)).toBe('规划师');
    expect(entryTitle([0, 0, 0, 0, 0, 9, 'team/planner', ''])).toBe('planner');
    const starts = entryStarts(entry);
    expect(partAt(starts, words.indexOf('速'))).toBe('responsibility');
    expect(partAt(starts, hua)).toBe('checklist');
    expect(partAt(starts, fen)).toBe('body');
    expect(partAt(starts, words.indexOf('上'))).toBe('description');
    await index!.deleteIndex();
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import OpenCC from 'opencc-js';
import type { Heading, ListItem, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { anchorOf, assignAnchors, parseMarkdown, transferAnchors, type AnchorData } from '../../src/lib/parse/markdown.ts';
import { extractStructure } from '../../src/lib/extract/sections.ts';
import type { Item } from '../../src/lib/schema.ts';
import { extract, loadAgent, repoPath, splitAgent } from './extract-helpers.ts';

const ids = (items: Item[]): string[] => items.flatMap((i) => [i.id, ...ids(i.children)]);

function findHeading(root: Root, text: string): Heading {
  let found: Heading | undefined;
  visit(root, 'heading', (h) => {
    if (!found && toString(h).includes(text)) found = h;
  });
  if (!found) throw new Error(`no heading ${text}`);
  return found;
}

function findParagraph(root: Root, text: string): Paragraph {
  let found: Paragraph | undefined;
  visit(root, 'paragraph', (p) => {
    if (!found && toString(p).trim() === text) found = p;
  });
  if (!found) throw new Error(`no paragraph ${text}`);
  return found;
}

describe('contains-studio/backend-architect (bold-label numbered list)', () => {
  const { structure, root } = loadAgent('agents/contains-studio/backend-architect.md');

  it('yields the six numbered responsibilities with their nested bullets', () => {
    const r = structure.responsibilities;
    expect(r).toHaveLength(6);
    expect(r[0].text.startsWith('API 設計與實施')).toBe(true);
    expect(r[0].children).toHaveLength(6);
    expect(r[0].children[0].text).toBe('遵循 OpenAPI 規範設計 RESTful API');
    expect(r.map((i) => i.text.split('：')[0])).toEqual([
      'API 設計與實施',
      '資料庫架構',
      '系統架構',
      '安全實施',
      '效能優化',
      'DevOps 整合',
    ]);
    expect(r.every((i) => i.children.length === 6)).toBe(true);
  });

  it('classifies the label line and the bold-label paragraphs', () => {
    const byTitle = Object.fromEntries(structure.sections.map((s) => [s.title, s]));
    expect(byTitle['您的主要職責']).toMatchObject({ kind: 'responsibilities', level: 0 });
    expect(byTitle['API 設計與實施']).toMatchObject({ kind: 'responsibilities', level: 0 });
    expect(byTitle['技術堆疊專業知識']).toMatchObject({ kind: 'skills', level: 0 });
    expect(byTitle['架構模式']).toMatchObject({ kind: 'skills', level: 0 });
  });

  it('uses the anchors of assignAnchors and renders label ids', () => {
    const label = findParagraph(root, '您的主要職責：');
    const section = structure.sections.find((s) => s.title === '您的主要職責')!;
    expect(section.id).toBe(anchorOf(label));
    expect((label.data as AnchorData).hProperties?.id).toBe(section.id);
    const items: ListItem[] = [];
    visit(root, 'listItem', (li) => void items.push(li));
    expect(structure.responsibilities[0].id).toBe(anchorOf(items[0]));
    expect(structure.responsibilities[0].children[0].id).toBe(anchorOf(items[1]));
    // A bold-label item is a section too: its <li> carries the section id.
    expect((items[0].data as AnchorData).hProperties?.id).toBe(structure.responsibilities[0].id);
  });
});

describe('voltagent-zh-hant/backend-developer (label lines)', () => {
  const { structure } = loadAgent('agents/voltagent-zh-hant/backend-developer.md');

  it('reads the backend and readiness checklists', () => {
    const titles = structure.checklists.map((c) => c.title);
    expect(titles).toEqual(['後端開發檢查清單', '就緒檢查清單']);
    const [backend, ready] = structure.checklists;
    expect(backend.items).toHaveLength(8);
    expect(backend.items[0].text).toBe('具有適當 HTTP 語義的 RESTful API 設計');
    expect(backend.items[7].text).toBe('測試覆蓋率超過 80%');
    expect(ready.items).toHaveLength(8);
    expect(ready.items[0].text).toBe('OpenAPI 文件完成');
  });

  it('takes the steps under 被呼叫時 as responsibilities', () => {
    expect(structure.responsibilities.map((i) => i.text)).toEqual([
      '查詢上下文管理器以了解現有 API 架構和資料庫架構',
      '檢視當前後端模式和服務相依性',
      '分析效能需求和安全限制',
      '遵循既定的後端標準開始實作',
    ]);
  });

  it('nests label lines under headings and gives sub-headings their parent kind', () => {
    const kinds = Object.fromEntries(structure.sections.map((s) => [s.title, s.kind]));
    expect(kinds['開發工作流程']).toBe('workflow');
    expect(kinds['3. 生產就緒']).toBe('workflow');
    expect(kinds['就緒檢查清單']).toBe('checklist');
    expect(kinds['與其他代理的整合']).toBe('collaboration');
    expect(kinds['API 設計需求']).toBe('other');
  });

  it('never treats text inside code fences as sections', () => {
    expect(structure.sections.some((s) => s.title.includes('requesting_agent'))).toBe(false);
  });
});

describe('telegram-bot/backend-architect (sub-headings)', () => {
  const { structure, root } = loadAgent('agents/telegram-bot/backend-architect.md');

  it('makes each sub-heading of 核心职责 one responsibility with its bullets', () => {
    const first = structure.responsibilities.slice(0, 4);
    expect(first.map((i) => i.text)).toEqual(['系统架构设计', 'API架构设计', '数据库架构', '性能架构']);
    expect(first.every((i) => i.children.length === 4)).toBe(true);
    expect(first[0].children[0].text).toBe('微服务架构：设计消息采集、过滤、审核、转发的服务拆分方案');
    expect(first[0].id).toBe(anchorOf(findHeading(root, '1. 系统架构设计')));
  });

  it('adds the 核心使命 list and nothing from other sections', () => {
    const rest = structure.responsibilities.slice(4).map((i) => i.text.split('：')[0]);
    expect(rest).toEqual(['高性能', '高可用', '可扩展', '可维护', '高质量']);
    const all = JSON.stringify(structure.responsibilities);
    expect(all).not.toContain('系统整体架构设计'); // 专属职责 sits under 协作边界
    expect(all).not.toContain('FastAPI框架'); // skills
  });

  it('classifies the collaboration block and its sub-headings', () => {
    const kinds = Object.fromEntries(structure.sections.map((s) => [s.title, s.kind]));
    expect(kinds['协作边界']).toBe('collaboration');
    expect(kinds['协作接口']).toBe('collaboration');
    expect(kinds['专业技能']).toBe('skills');
    expect(kinds['输出标准']).toBe('standards');
    expect(kinds['1. 架构分析阶段']).toBe('workflow');
  });

  it('does not take the headings inside the markdown code fence as sections', () => {
    expect(structure.sections.some((s) => s.title.includes('系统架构设计文档'))).toBe(false);
  });
});

describe('ids across locales', () => {
  it('gives a Traditional→Simplified copy the same section and item ids', () => {
    const { body, frontMatter } = splitAgent(readFileSync(repoPath('agents/voltagent-zh-hant/backend-developer.md'), 'utf8'));
    const source = parseMarkdown(body);
    const original = extractStructureAnchored(source, frontMatter);
    const converted = parseMarkdown(OpenCC.Converter({ from: 'twp', to: 'cn' })(body));
    expect(transferAnchors(source, converted)).toBe(true);
    const copy = extractStructure(converted, frontMatter);

    expect(copy.sections.map((s) => s.id)).toEqual(original.sections.map((s) => s.id));
    expect(copy.sections.map((s) => s.kind)).toEqual(original.sections.map((s) => s.kind));
    expect(copy.checklists.map((c) => c.id)).toEqual(original.checklists.map((c) => c.id));
    expect(ids(copy.checklists.flatMap((c) => c.items))).toEqual(ids(original.checklists.flatMap((c) => c.items)));
    expect(ids(copy.responsibilities)).toEqual(ids(original.responsibilities));
    expect(copy.checklists[0].title).toBe('后端开发检查清单');
    expect(copy.mentions.map((m) => `${m.name}/${m.kind}`)).toEqual(original.mentions.map((m) => `${m.name}/${m.kind}`));
  });

  it.each([
    'ai-dev-team/backend-engineer',
    'contains-studio/backend-architect',
    'telegram-bot/backend-architect',
    'voltagent-zh-hant/backend-developer',
  ])('gives %s and its English translation the same sections and items', (seed) => {
    const source = loadAgent(`agents/${seed}.md`);
    const english = parseMarkdown(splitAgent(readFileSync(repoPath(`agents/_translations/en/${seed}.md`), 'utf8')).body);
    expect(transferAnchors(source.root, english)).toBe(true);
    const en = extractStructure(english, source.frontMatter);
    const pairs = (s: typeof en) => s.sections.map((x) => `${x.id}:${x.kind}`);
    expect(pairs(en)).toEqual(pairs(source.structure));
    expect(ids(en.responsibilities)).toEqual(ids(source.structure.responsibilities));
    expect(en.checklists.map((c) => c.items.length)).toEqual(source.structure.checklists.map((c) => c.items.length));
  });

  it('refuses a tree without anchors instead of inventing ids', () => {
    expect(() => extractStructure(parseMarkdown('## Checklist\n\n- a\n'), {})).toThrow(/assignAnchors/);
  });
});

describe('checklists from task lists and headings', () => {
  it('collects GFM task items of any section into a checklist of that section', () => {
    const s = extract('## Release\n\nSome text.\n\n- [ ] tag the release\n- [x] write notes\n- plain item\n');
    expect(s.checklists).toHaveLength(1);
    expect(s.checklists[0].title).toBe('Release');
    expect(s.checklists[0].items.map((i) => i.text)).toEqual(['tag the release', 'write notes']);
    expect(s.sections[0].kind).toBe('other');
  });

  it('keeps nested items and separates checklists under a Checklists heading', () => {
    const s = extract('## Checklists\n\n### Security\n\n- auth\n  - tokens\n- input\n\n### Performance\n\n- p95\n');
    expect(s.checklists.map((c) => [c.title, c.items.length])).toEqual([
      ['Security', 2],
      ['Performance', 1],
    ]);
    expect(s.checklists[0].items[0].children.map((i) => i.text)).toEqual(['tokens']);
  });

  it('does not take a colon sentence without a list, or a long sentence, as a label', () => {
    const s = extract('Initial context query:\n\n```json\n{}\n```\n\nRestate the goal. Then list:\n\n- a\n');
    expect(s.sections).toEqual([]);
  });
});

/** Anchors a source tree, then extracts it. */
function extractStructureAnchored(root: Root, frontMatter: Record<string, unknown>) {
  assignAnchors(root);
  return extractStructure(root, frontMatter);
}

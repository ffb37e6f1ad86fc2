import { describe, expect, it } from 'vitest';
import OpenCC from 'opencc-js';
import type { Root } from 'mdast';
import overrides from '../../src/lib/localize/opencc-overrides.json' with { type: 'json' };
import { toScript, type Script } from '../../src/lib/localize/chinese.ts';
import { convertTree } from '../../src/lib/localize/convert-tree.ts';
import { assignAnchors, cloneTree, parseMarkdown, transferAnchors } from '../../src/lib/parse/markdown.ts';

/**
 * Converting a Chinese tree node by node must give the tree that parsing the converted text gives.
 * The proof rests on what the conversion tables hold (see convert-tree.ts), so those facts are
 * checked here too: an OpenCC upgrade or a new override that breaks one fails this test.
 */

/** Every [from, to] phrase pair toScript can apply, in both directions. */
function phrasePairs(): Array<[string, string]> {
  const locale = OpenCC.Locale as unknown as { from: Record<string, unknown[]>; to: Record<string, unknown[]> };
  const groups = [...locale.from.cn, ...locale.to.twp, ...locale.from.twp, ...locale.to.cn] as unknown[];
  const pairs: Array<[string, string]> = [];
  for (const group of groups) {
    for (const dict of Array.isArray(group) ? group : [group]) {
      expect(typeof dict).toBe('string');
      for (const entry of (dict as string).split('|')) {
        const [from, ...to] = entry.split(' ');
        for (const t of to) pairs.push([from, t]);
      }
    }
  }
  for (const p of (overrides as { pairs: Array<{ hans: string; hant: string }> }).pairs) pairs.push([p.hans, p.hant], [p.hant, p.hans]);
  return pairs;
}

/** The source tree anchored, and the tree parsing the converted text gives, anchored like it. */
function both(markdown: string, to: Script): { source: Root; expected: Root } {
  const source = parseMarkdown(markdown);
  assignAnchors(source);
  const expected = parseMarkdown(toScript(markdown, to));
  transferAnchors(source, expected);
  return { source, expected };
}

/** A tree without positions (which point into different texts). */
function shape(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' ? undefined : value)));
}

describe('the conversion tables never touch markup', () => {
  const pairs = phrasePairs();

  it('reads the dictionaries', () => {
    expect(pairs.length).toBeGreaterThan(10000);
  });

  it('every phrase holds a non-ASCII character, so ASCII text converts to itself', () => {
    expect(pairs.filter(([from]) => /^[\x00-\x7f]*$/.test(from))).toEqual([]);
  });

  it('phrases use no whitespace, digits or ASCII punctuation besides the hyphen', () => {
    const bad = /[\s\p{Co}\u2ff0-\u2fff]|[\x00-\x2c\x2e-\x40\x5b-\x60\x7b-\x7f]/u;
    expect(pairs.filter(([a, b]) => bad.test(a) || bad.test(b))).toEqual([]);
  });

  it('phrases start and end with a letter or Han character, and end with a non-ASCII one', () => {
    const edge = /^[\p{L}\p{N}]$/u;
    const ok = (s: string) => edge.test([...s][0]) && edge.test([...s].at(-1)!) && [...s].at(-1)!.charCodeAt(0) > 0x7f;
    expect(pairs.filter(([a, b]) => !ok(a) || (b !== '' && !ok(b)))).toEqual([]);
  });
});

describe('convertTree', () => {
  const cases: Array<[string, Script]> = [
    ['## 核心职责\n\n- 制定**发布**计划\n- 与 `backend-developer` 协作\n  - 质量标准和*数据*库', 'zh-Hant'],
    ['**数据**库和数**据库**，`SQL`注入与U盘，乙肝\n\n> 引用的_文档_\n\n1. 第一\n2. 第二', 'zh-Hant'],
    ['| 名称 | 说明 |\n| --- | :-: |\n| 数据库 | 质量 |\n\n```数据\n代码 里的 数据库\n```\n\n    缩进 代码', 'zh-Hant'],
    ['[链接 数据](./文档.md "标题 数据") <span>数据</span> 文字~~删除~~\n\n<div>\n数据库\n</div>\n\n数据  \n换行\\\n再换', 'zh-Hant'],
    ['- [ ] 任务 数据\n- [x] 完成\n\n数据\n---\n\n標題\n===\n\n***\n\n軟體 資料庫 智能體 品質 文件 檔案 伯克希爾-哈撒韋', 'zh-Hans'],
    ['智能體的品質與SQL隱碼攻擊，A肝，BMW集團 *A肝* 丹尼·鮑伊', 'zh-Hans'],
  ];
  it.each(cases)('gives the tree of the converted text: %s', (markdown, to) => {
    const { source, expected } = both(markdown, to);
    const before = shape(source);
    expect(shape(convertTree(source, markdown, to))).toEqual(shape(expected));
    expect(shape(source)).toEqual(before);
  });

  it('copies a tree without common Han characters, as toScript leaves such text alone', () => {
    const { source, expected } = both('Plain *English* text.', 'zh-Hant');
    const copy = convertTree(source, 'Plain *English* text.', 'zh-Hant');
    expect(copy).not.toBe(source);
    expect(shape(copy)).toEqual(shape(expected));
  });

  it.each([
    '联系 a@b.co数据库',
    '见 https://例子.com/数据 与 www.例子.com',
    '字符引用 &#x6570;据',
    '[数据]: ./x.md\n\n[数据]',
    '脚注[^数据]\n\n[^数据]: 说明',
    '![数**据**库](x.png)',
    '描述字符 ⿰木目',
  ])('leaves a body to be parsed again when node by node could differ: %s', (markdown) => {
    const source = parseMarkdown(markdown);
    assignAnchors(source);
    expect(convertTree(cloneTree(source), markdown, 'zh-Hant')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { fragmentWords, matchSections, sectionExcerpt, sectionsOf, tidyExcerpt } from '../../src/lib/search/excerpt.ts';
import { sectionLabel } from '../../src/lib/search/labels.ts';

// "名。职责甲。清单。检查乙。正文乙。" as the index stores a record with Han characters: a space
// between the characters, a full stop of its own at the end of each block.
const words = ['名', '。', '职', '责', '甲', '。', '清', '单', '。', '检', '查', '乙', '。', '正', '文', '乙', '。'];
const fragment = {
  content: '',
  raw_content: words.join(' '),
  anchors: [
    { id: 'i-1', title: 'r', location: 2 },
    { id: 'checklist-p-1', title: 'k|清单', location: 6 },
    { id: 'i-2', title: 'c', location: 9 },
    { id: 's-1', title: 's|正文标题', location: 13 },
  ],
};
const strings = { responsibility: 'Responsibility', checklist: 'Checklist', example: 'Example {n}', description: 'Description', definition: 'Full definition' };

describe('sections and excerpts', () => {
  it('numbers words as Pagefind does', () => {
    expect(fragmentWords(fragment.raw_content)).toHaveLength(words.length);
    expect(fragmentWords('one two  three')).toEqual(['one', 'two', 'three']);
  });

  it('labels checklist items with their checklist', () => {
    const sections = sectionsOf(fragment, words.length);
    expect(sections.map((s) => [s.id, s.code, s.label])).toEqual([
      [undefined, undefined, ''],
      ['i-1', 'r', ''],
      ['checklist-p-1', 'k', '清单'],
      ['i-2', 'c', '清单'],
      ['s-1', 's', '正文标题'],
    ]);
    expect(sectionLabel({ section: sections[3] }, strings)).toBe('Checklist · 清单');
    expect(sectionLabel({ section: sections[1] }, strings)).toBe('Responsibility');
  });

  it('prefers the duty section over the body, and can keep only one kind', () => {
    const sections = sectionsOf(fragment, words.length);
    const groups = [[{ position: 11, length: 1 }, { position: 15, length: 1 }]];
    expect(matchSections(sections, groups).map((m) => m.section.id)).toEqual(['i-2', 's-1']);
    expect(matchSections(sections, groups, 'responsibility')).toEqual([]);
    expect(matchSections(sections, [[{ position: 4, length: 1 }]], 'responsibility').map((m) => m.kind)).toEqual(['responsibility']);
  });

  it('marks the matched words within the section and tidies Chinese spacing', () => {
    const [best] = matchSections(sectionsOf(fragment, words.length), [[{ position: 9, length: 2 }]]);
    expect(sectionExcerpt(fragmentWords(fragment.raw_content), best, 40)).toBe('<mark>检查</mark>乙。');
  });

  it('removes the spaces an English index puts between Han characters', () => {
    expect(tidyExcerpt('用 <mark>上</mark> <mark>下</mark> 文 and API')).toBe('用<mark>上下</mark>文 and API');
    expect(tidyExcerpt('done. 好的')).toBe('done. 好的');
    expect(tidyExcerpt('保护. 下一')).toBe('保护。下一');
    // The block ends of a record with Han characters: back against the text, away after punctuation.
    expect(tidyExcerpt('规 划 。 用 React 。 好！ 。')).toBe('规划。用 React。好！');
    expect(tidyExcerpt('<mark>规</mark> <mark>划</mark> 。 下')).toBe('<mark>规划</mark>。下');
    expect(tidyExcerpt('上 下 文 ， 「 管 理 」 (data)')).toBe('上下文，「管理」 (data)');
    // Half-width punctuation beside a Han character, a word of its own in the index.
    expect(tidyExcerpt('保 护 . 下 一')).toBe('保护。下一');
    expect(tidyExcerpt('中 文 , ( 数 据 ) and (data)')).toBe('中文, (数据) and (data)');
    expect(tidyExcerpt('<mark>上</mark><mark>下</mark> 文. 好')).toBe('<mark>上下</mark>文。好');
  });
});

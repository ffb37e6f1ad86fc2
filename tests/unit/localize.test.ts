import { describe, expect, it } from 'vitest';
import { toScript } from '../../src/lib/localize/chinese.ts';
import { localizeAgent } from '../../src/lib/localize/localize-agent.ts';
import { parseAgent } from '../../src/lib/parse/parse-agent.ts';
import { extractStructure } from '../../src/lib/extract/sections.ts';
import { parseTranslationFile, translationContentHash } from '../../src/lib/localize/translation-file.ts';
import { resourceDiff, useTranslations } from '../../src/lib/i18n/ui.ts';

describe('OpenCC with the project dictionary', () => {
  it('uses Taiwan phrases for Traditional', () => {
    expect(toScript('数据库程序', 'zh-Hant')).toBe('資料庫程式');
  });
  it('applies the overrides OpenCC gets wrong, in both directions', () => {
    expect(toScript('智能体的质量', 'zh-Hant')).toBe('智能體的品質');
    expect(toScript('智能體的品質', 'zh-Hans')).toBe('智能体的质量');
    expect(toScript('文档和文件', 'zh-Hant')).toBe('文件和檔案');
    expect(toScript('文件和檔案', 'zh-Hans')).toBe('文档和文件');
    expect(toScript('代理程式', 'zh-Hans')).toBe('代理');
  });
  it('leaves text without Han characters alone', () => {
    expect(toScript('backend-developer', 'zh-Hant')).toBe('backend-developer');
  });
});

const source = `---
name: release-manager
description: 负责发布的智能体。
---
## 核心职责
- 制定发布计划
- 编写变更日志
`;

function translation(sourceHash: string) {
  const text = `---\ntranslationOf: x/release-manager.md\nsourceHash: ${sourceHash}\nlang: en\ntitle: Release Manager\ndescription: "The agent in charge of releases."\n---\n## Core responsibilities\n- Plan the release\n- Write the changelog\n`;
  return parseTranslationFile('_translations/en/x/release-manager.md', text).translation!;
}

describe('localizing an agent', () => {
  const parsed = parseAgent('x/release-manager.md', source);

  it('gives every locale content and says where it came from', () => {
    const { localized } = localizeAgent(parsed, { en: translation(parsed.sourceHash) }, extractStructure);
    expect(localized['zh-Hans'].status).toBe('original');
    expect(localized['zh-Hant'].status).toBe('converted');
    expect(localized['zh-Hant'].summary).toBe('負責釋出的智能體。');
    expect(localized.en.status).toBe('translated');
    expect(localized.en.title).toBe('Release Manager');
  });

  it('keeps the source ids in every locale', () => {
    const { localized } = localizeAgent(parsed, { en: translation(parsed.sourceHash) }, extractStructure);
    const ids = (l: 'en' | 'zh-Hant' | 'zh-Hans') => localized[l].responsibilities.map((i) => i.id);
    expect(ids('zh-Hans')).toHaveLength(2);
    expect(ids('en')).toEqual(ids('zh-Hans'));
    expect(ids('zh-Hant')).toEqual(ids('zh-Hans'));
    expect(localized.en.responsibilities.map((i) => i.text)).toEqual(['Plan the release', 'Write the changelog']);
  });

  it('marks a translation of an older source as outdated', () => {
    const { localized } = localizeAgent(parsed, { en: translation('0000000000000000') }, extractStructure);
    expect(localized.en.status).toBe('outdated');
  });

  it('shows the source content, marked with its language, when there is no translation', () => {
    const { localized } = localizeAgent(parsed, {}, extractStructure);
    expect(localized.en.status).toBe('missing');
    expect(localized.en.contentLang).toBe('zh-Hans');
    expect(localized.en.summary).toBe('负责发布的智能体。');
  });

  it('derives the other Chinese script from a translation by conversion', () => {
    const en = parseAgent('y/a.md', '---\nname: a\ndescription: An English agent.\n---\nBody text here.\n');
    const zhHans = parseTranslationFile('_translations/zh-Hans/y/a.md', `---\nsourceHash: ${en.sourceHash}\ndescription: "一个智能体。"\n---\n正文。\n`).translation!;
    const { localized } = localizeAgent(en, { 'zh-Hans': zhHans }, extractStructure);
    expect(localized['zh-Hans'].status).toBe('translated');
    expect(localized['zh-Hant'].status).toBe('translated');
    expect(localized['zh-Hant'].summary).toBe('一個智能體。');
  });

  it('records the hash a machine translation is compared against', () => {
    expect(translationContentHash('a', 'b\n')).toBe(translationContentHash('a', 'b'));
    expect(translationContentHash('a', 'b')).not.toBe(translationContentHash('a', 'c'));
  });
});

describe('UI strings', () => {
  it('has every English key in the Chinese resource files', () => {
    expect(resourceDiff('zh-Hant')).toEqual({ missing: [], extra: [] });
    expect(resourceDiff('zh-Hans')).toEqual({ missing: [], extra: [] });
  });
  it('translates with variables and plurals', () => {
    expect(useTranslations('en')('graph.collectionCount', { count: 1 })).toBe('1 agent');
    expect(useTranslations('zh-Hant')('nav.search')).toBe('搜尋');
  });
});

describe('translation files', () => {
  it('read a hash that YAML would take for a number without losing digits', () => {
    const t = parseTranslationFile('_translations/en/a.md', '---\nsourceHash: 1234e56789012345\n---\nBody\n').translation!;
    expect(t.sourceHash).toBe('1234e56789012345');
    expect(t.locale).toBe('en');
    expect(t.translationOf).toBe('a.md');
  });
});

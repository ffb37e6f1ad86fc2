import { describe, expect, it } from 'vitest';
import { groupSections, protect, restore, shapeOf, splitSections, verifyAnswer } from '../../src/lib/localize/translate/segment.ts';
import { glossaryPrompt, missingKeptTerms } from '../../src/lib/localize/translate/glossary.ts';
import { fakeToEnglish } from './translate-fake-server.ts';

const BODY = [
  '你是后端智能体，与 code-reviewer 协作。',
  '',
  '## 核心职责',
  '',
  '- 使用 `npm test` 运行测试',
  '- 参考 https://example.com/docs/a-b?x=1 与 [指南](./docs/guide-v2.md)',
  '  - 调用 Read、Grep 和 MultiEdit 工具',
  '',
  '```python',
  '# 这不是标题',
  'def f():  # 注释',
  '    return "https://example.com"',
  '```',
  '',
  '### 工作流程',
  '',
  '1. 第一步',
  '2. 第二步',
  '',
].join('\n');

describe('splitSections', () => {
  it('splits before headings, not inside code, and joins back byte for byte', () => {
    const sections = splitSections(BODY);
    expect(sections.join('')).toBe(BODY);
    expect(sections).toHaveLength(3);
    expect(sections[1].startsWith('## 核心职责')).toBe(true);
    expect(sections[1]).toContain('# 这不是标题');
    expect(groupSections(sections, 10_000)).toEqual([BODY]);
    expect(groupSections(sections, 10)).toEqual(sections);
  });
});

describe('protect / restore', () => {
  it('replaces code, URLs, names and tool names by placeholders and restores them verbatim', () => {
    const p = protect(BODY, { sourceLang: 'zh-Hans' });
    expect(p.text).not.toContain('def f()');
    expect(p.text).not.toContain('npm test');
    expect(p.text).not.toContain('https://');
    expect(p.text).not.toContain('code-reviewer');
    expect(p.text).not.toContain('./docs/guide-v2.md');
    for (const tool of ['Read', 'Grep', 'MultiEdit']) expect(p.text).not.toMatch(new RegExp(`\\b${tool}\\b`));
    expect(p.text).toMatch(/^⟦C\d+⟧$/m);
    expect(restore(p.text, p.tokens)).toBe(BODY);
  });

  it('in English text protects only what reads as a name or a tool', () => {
    const text = 'Read the docs first. Use the Read tool, then Write, Edit and Bash. Ask the code-reviewer or api-designer for high-performance, server-side advice.';
    const p = protect(text, { sourceLang: 'en', knownNames: ['api-designer'] });
    expect(p.text.startsWith('Read the docs')).toBe(true);
    expect(p.text).not.toMatch(/\b(Read tool|Write|Edit|Bash|code-reviewer|api-designer)\b/);
    expect(p.text).toContain('high-performance, server-side');
    expect(restore(p.text, p.tokens)).toBe(text);
  });
});

describe('verifyAnswer', () => {
  const section = splitSections(BODY)[1];
  const p = protect(section, { sourceLang: 'zh-Hans' });
  const good = fakeToEnglish(p.text);

  it('accepts a faithful answer (also when wrapped in a fence) and restores code byte-identical', () => {
    for (const answer of [good, `\`\`\`markdown\n${good}\n\`\`\``]) {
      const v = verifyAnswer(answer, p, section, { checkShape: true });
      expect(v.ok).toBe(true);
      if (v.ok) {
        expect(v.text).toContain(section.slice(section.indexOf('```python'), section.lastIndexOf('```') + 3));
        expect(shapeOf(v.text)).toEqual(shapeOf(section));
      }
    }
  });

  it('rejects a lost, duplicated or unknown placeholder', () => {
    const token = [...p.tokens.keys()][0];
    const lost = verifyAnswer(good.replace(token, ''), p, section, { checkShape: false });
    expect(lost.ok).toBe(false);
    if (!lost.ok) expect(lost.problems.join()).toContain(`${token} appears 0 times`);
    const twice = verifyAnswer(`${good} ${token}`, p, section, { checkShape: false });
    expect(twice.ok).toBe(false);
    const unknown = verifyAnswer(`${good} ⟦C99⟧`, p, section, { checkShape: false });
    expect(unknown.ok).toBe(false);
  });

  it('rejects changed heading levels and list shapes', () => {
    const heading = verifyAnswer(good.replace('## ', '### '), p, section, { checkShape: true });
    expect(heading.ok).toBe(false);
    if (!heading.ok) expect(heading.problems.join()).toMatch(/headings changed/);
    const list = verifyAnswer(good.replace(/\n- [^\n]*/, ''), p, section, { checkShape: true });
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.problems.join()).toMatch(/lists changed/);
  });

  it('rejects an example label that no longer opens a line', () => {
    const text = '<example>\nuser: "你好"\n</example>';
    const src = protect(text, { sourceLang: 'zh-Hans', extra: [{ pattern: /^user: /gm, kind: 'X', lineStart: true }, { pattern: /<\/?example>/g, kind: 'X' }] });
    const tokens = [...src.tokens.keys()];
    const joined = src.text.replace('\n⟦', ' ⟦');
    expect(verifyAnswer(src.text, src, text, { checkShape: false }).ok).toBe(true);
    const v = verifyAnswer(joined, src, text, { checkShape: false });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.join()).toContain(`${tokens.find((t) => src.tokens.get(t) === 'user: ')} must start a line`);
  });

  it('rejects an answer that translated a kept word', () => {
    const src = protect('设计 API 接口', { sourceLang: 'zh-Hans' });
    const v = verifyAnswer('Design the api interface', src, '设计 API 接口', { checkShape: false });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.join()).toContain('API');
  });
});

describe('glossary', () => {
  it('tells the model the wordings for the direction and the words to keep', () => {
    const toEn = glossaryPrompt('zh-Hans', 'en');
    expect(toEn).toContain('智能体 / 代理 → agent');
    expect(toEn).toMatch(/Never translate.*Read, Write, Edit, MultiEdit, Bash, Grep, Glob.*WebFetch.*TodoWrite/);
    expect(glossaryPrompt('en', 'zh-Hant')).toContain('agent → 代理');
    expect(glossaryPrompt('en', 'zh-Hans')).toContain('checklist → 检查清单');
    expect(missingKeptTerms('用 Bash 和 API', 'use bash and API')).toEqual(['Bash']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../src/lib/parse/parse-agent.ts';
import { readLenientYaml } from '../../src/lib/parse/lenient-yaml.ts';
import { normalizeText } from '../../src/lib/hash.ts';
import { detectLanguage, parseLangField } from '../../src/lib/parse/detect-language.ts';
import { parseDescription } from '../../src/lib/parse/examples.ts';

const parse = (text: string, file = 'x/agent.md') => parseAgent(file, normalizeText(text));

describe('front matter forms', () => {
  it('accepts tools as a comma string or a list', () => {
    expect(parse('---\nname: a\ndescription: d\ntools: Read,  Grep ,Bash\n---\nBody').tools).toEqual(['Read', 'Grep', 'Bash']);
    expect(parse('---\nname: a\ndescription: d\ntools:\n  - Read\n  - Grep\n---\nBody').tools).toEqual(['Read', 'Grep']);
  });

  it('keeps unknown fields in extra', () => {
    const a = parse('---\nname: a\ndescription: d\ncategory: testing\npriority: 3\n---\nBody');
    expect(a.extra).toEqual({ category: 'testing', priority: 3 });
  });

  it('reads an unquoted description holding ": " and one starting with "- " field by field, with a warning on its line', () => {
    const a = parse('---\nname: reviewer\ndescription: Use when: the code changed. Example: user: "review"\nmodel: opus\n---\nBody');
    expect(a.description).toBe('Use when: the code changed. Example: user: "review"');
    expect(a.model).toBe('opus');
    expect(a.problems).toMatchObject([{ code: 'yaml-lenient', line: 3, severity: 'warning' }]);
    const b = parse('---\nname: b\ndescription: - **API**: build<br> - **DB**: design\n---\nBody');
    expect(b.description).toBe('- **API**: build<br> - **DB**: design');
  });

  it('reads `tools: *` (a YAML alias with no name) as text', () => {
    const a = parse('---\nname: a\ndescription: d\ntools: *\n---\nBody');
    expect(a.tools).toEqual(['*']);
  });

  it('handles CRLF line endings and a byte-order mark', () => {
    const a = parse('\uFEFF---\r\nname: crlf-agent\r\ndescription: Works on Windows files.\r\n---\r\n# Title\r\n\r\nBody\r\n');
    expect(a.name).toBe('crlf-agent');
    expect(a.description).toBe('Works on Windows files.');
    expect(a.body).not.toContain('\r');
  });

  it('accepts a closing line of many dashes', () => {
    const a = parse(`---\nname: dashes\ndescription: d\n${'-'.repeat(56)}\nBody`);
    expect(a.name).toBe('dashes');
    expect(a.body.trim()).toBe('Body');
  });

  it('takes the name from an opening heading when there is no front matter', () => {
    const a = parse('# Data Wrangler\n\nCleans messy data sets for analysis.\n', 'tools/wrangler.md');
    expect(a.name).toBe('Data Wrangler');
    expect(a.nameSource).toBe('heading');
    expect(a.description).toBe('Cleans messy data sets for analysis.');
  });

  it('lets a lang field override detection', () => {
    expect(parse('---\nname: a\ndescription: 简体中文的说明文字\nlang: zh-TW\n---\n正文').sourceLang).toBe('zh-Hant');
    expect(parseLangField('zh_CN')).toBe('zh-Hans');
    expect(parseLangField('fr')).toBeUndefined();
  });

  it('does not treat headings inside code fences as headings', () => {
    const a = parse('---\nname: a\ndescription: d\n---\n## Real\n\n```md\n## Not a heading\n---\n```\n');
    const headings = a.tree.children.filter((n) => n.type === 'heading');
    expect(headings).toHaveLength(1);
  });
});

describe('lenient YAML', () => {
  it('joins indented continuation lines and reads lists under an empty key', () => {
    const fields = readLenientYaml('name: x\ndescription: first line\n  second: line\ntools:\n  - Read\n  - Grep', 2);
    expect(fields.description).toEqual({ value: 'first line\nsecond: line', line: 3 });
    expect(fields.tools).toEqual({ value: ['Read', 'Grep'], line: 5 });
  });
});

describe('language detection', () => {
  it.each([
    ['You are a senior backend engineer who designs APIs.', 'en'],
    ['您是精通設計可擴展、安全且可維護的伺服器端系統的後端架構大師。', 'zh-Hant'],
    ['你是一位专精于消息处理系统的资深后端架构师。', 'zh-Hans'],
    ['Use this agent for Kubernetes. 你是云原生专家，负责集群的部署与运维。', 'zh-Hans'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('ignores code when deciding', () => {
    expect(detectLanguage('这是中文说明。\n\n```python\nprint("hello world, many english words here in the code block")\n```').lang).toBe('zh-Hans');
  });
});

describe('examples', () => {
  it('splits examples written with real newlines and Chinese labels', () => {
    const { summary, examples } = parseDescription('用于审查代码。\n\n<example>\n情境：新的 PR\n用户："帮我审查"\n助手："好的"\n</example>');
    expect(summary).toBe('用于审查代码。');
    expect(examples[0]).toEqual({ context: '新的 PR', turns: [{ role: 'user', text: '帮我审查' }, { role: 'assistant', text: '好的' }], commentary: '' });
  });

  it('keeps an unclosed example instead of losing it', () => {
    expect(parseDescription('Summary. <example>Context: x\\nuser: "hi"').examples).toHaveLength(1);
  });
});

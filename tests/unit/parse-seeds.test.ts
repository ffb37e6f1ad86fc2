import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAgent } from '../../src/lib/parse/parse-agent.ts';
import { parseDescription } from '../../src/lib/parse/examples.ts';
import { normalizeText } from '../../src/lib/hash.ts';

const seed = (file: string) => parseAgent(file, normalizeText(readFileSync(`agents/${file}`, 'utf8')));

describe('the five seed agents', () => {
  it('reads the contains-studio backend-architect despite YAML that strict parsers reject', () => {
    const a = seed('contains-studio/backend-architect.md');
    expect(a.name).toBe('backend-architect');
    expect(a.tools).toEqual(['Write', 'Read', 'MultiEdit', 'Bash', 'Grep']);
    expect(a.color).toBe('purple');
    expect(a.sourceLang).toBe('zh-Hant');
    expect(a.collection).toBe('contains-studio');
    const lenient = a.problems.find((p) => p.code === 'yaml-lenient');
    expect(lenient).toMatchObject({ file: 'contains-studio/backend-architect.md', line: 3, severity: 'warning' });
    expect(lenient?.hint).toContain('Quote values');
  });

  it('splits the three example dialogues out of a description with literal \\n', () => {
    const { summary, examples } = parseDescription(seed('contains-studio/backend-architect.md').description);
    expect(summary.startsWith('當設計 API')).toBe(true);
    expect(summary).not.toContain('<example>');
    expect(summary).not.toMatch(/範例：$/);
    expect(examples).toHaveLength(3);
    expect(examples[0]).toEqual({
      context: '設計新的 API',
      turns: [
        { role: 'user', text: '我們需要為社群分享功能設計 API' },
        { role: 'assistant', text: '我會設計具有適當身份驗證和速率限制的 RESTful API。讓我使用 backend-architect 代理程式來創建可擴展的後端架構。' },
      ],
      commentary: 'API 設計需要仔細考慮安全性、可擴展性和可維護性。',
    });
  });

  it('reads a tools list and keeps a zh-Hant agent without problems', () => {
    const a = seed('voltagent-zh-hant/backend-developer.md');
    expect(a.tools).toEqual(['Read', 'Write', 'MultiEdit', 'Bash', 'Docker', 'database', 'redis', 'postgresql']);
    expect(a.sourceLang).toBe('zh-Hant');
    expect(a.problems).toEqual([]);
  });

  it('reads the persona page without front matter as it is', () => {
    const a = seed('agency-personas/backend-architect-persona.md');
    expect(a.hasFrontMatter).toBe(false);
    expect(a.name).toBe('backend-architect-persona');
    expect(a.nameSource).toBe('file-name');
    expect(a.description).toBe('专精可扩展系统设计、数据库架构、API 开发和云基础设施的资深后端架构师。');
    expect(a.sourceLang).toBe('zh-Hans');
    expect(a.problems).toEqual([]);
  });

  it('reads the Telegram backend-architect: English description, Chinese body, model opus', () => {
    const a = seed('telegram-bot/backend-architect.md');
    expect(a.name).toBe('backend-architect');
    expect(a.model).toBe('opus');
    expect(a.sourceLang).toBe('zh-Hans');
    expect(parseDescription(a.description).examples.map((e) => e.turns[0].text)).toEqual([
      '系统处理大量消息时出现性能瓶颈，需要重新设计架构',
      '需要设计新的API来支持消息批量审核功能',
    ]);
  });

  it('turns the <br> list description of backend-engineer into markdown lines', () => {
    const a = seed('ai-dev-team/backend-engineer.md');
    expect(a.model).toBe('sonnet');
    const { summary } = parseDescription(a.description);
    expect(summary).not.toContain('<br>');
    expect(summary.split('\n').filter((l) => l.trim().startsWith('- '))).toHaveLength(7);
  });
});

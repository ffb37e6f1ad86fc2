import { describe, expect, it } from 'vitest';
import {
  collaboratorMentions,
  dedupeMentions,
  isAgentShaped,
  mentionsInSentence,
} from '../../src/lib/extract/mentions.ts';
import type { Mention } from '../../src/lib/schema.ts';
import vocab from '../../src/lib/extract/vocabulary.json' with { type: 'json' };
import { extract, loadAgent } from './extract-helpers.ts';

const pairs = (mentions: Mention[]) => mentions.map((m) => `${m.name}:${m.kind}`);
const mentionsOf = (file: string) => loadAgent(file).structure.mentions;

describe('mentions in the seeds', () => {
  it('voltagent-zh-hant/backend-developer: the eight agents of 與其他代理的整合, with their kinds', () => {
    const mentions = mentionsOf('agents/voltagent-zh-hant/backend-developer.md');
    expect(pairs(mentions)).toEqual([
      'api-designer:receives-from',
      'frontend-developer:hands-to',
      'database-optimizer:collaborates-with',
      'microservices-architect:collaborates-with',
      'devops-engineer:collaborates-with',
      'mobile-developer:collaborates-with',
      'security-auditor:collaborates-with',
      'performance-engineer:collaborates-with',
    ]);
    expect(mentions[0].evidence).toBe('從 api-designer 接收 API 規範');
  });

  it('telegram-bot/backend-architect: 协作接口 under 协作边界, code-review-validator reviews', () => {
    const mentions = mentionsOf('agents/telegram-bot/backend-architect.md');
    expect(pairs(mentions)).toEqual([
      'data-engineer:collaborates-with',
      'algorithm-specialist:collaborates-with',
      'security-auditor:collaborates-with',
      'code-review-validator:reviewed-by',
    ]);
  });

  it('ai-dev-team/backend-engineer: names glued to Chinese text, in workflow and 质量标准 too', () => {
    const mentions = mentionsOf('agents/ai-dev-team/backend-engineer.md');
    expect(new Set(mentions.map((m) => m.name))).toEqual(
      new Set(['agent-tech-lead', 'agent-qa-engineer', 'agent-code-reviewer']),
    );
    expect(pairs(mentions)).toEqual(
      expect.arrayContaining([
        'agent-tech-lead:notifies',
        'agent-tech-lead:hands-to',
        'agent-qa-engineer:collaborates-with',
        'agent-qa-engineer:notifies',
        'agent-code-reviewer:reviewed-by',
      ]),
    );
    const review = mentions.find((m) => m.kind === 'reviewed-by')!;
    expect(review.evidence).toBe('代码通过agent-code-reviewer审查');
  });

  it('contains-studio/backend-architect names no other agent (its own name is not a mention)', () => {
    const mentions = mentionsOf('agents/contains-studio/backend-architect.md');
    expect(mentions).toEqual([]);
  });
});

describe('mentions in real corpus files (tests/fixtures/corpus)', () => {
  it('voltagent backend-developer: the English original of the zh-Hant seed', () => {
    const mentions = mentionsOf('tests/fixtures/corpus/voltagent/backend-developer.md');
    expect(pairs(mentions)).toEqual([
      'api-designer:receives-from',
      'frontend-developer:hands-to',
      'database-optimizer:collaborates-with',
      'microservices-architect:collaborates-with',
      'devops-engineer:collaborates-with',
      'mobile-developer:collaborates-with',
      'security-auditor:collaborates-with',
      'performance-engineer:collaborates-with',
    ]);
  });

  it('voltagent workflow-orchestrator: bold names in a heading section, lists of names', () => {
    const mentions = mentionsOf('tests/fixtures/corpus/voltagent/workflow-orchestrator.md');
    expect(pairs(mentions)).toEqual(
      expect.arrayContaining([
        'agent-organizer:receives-from',
        'task-distributor:receives-from',
        'multi-agent-coordinator:hands-to',
        'context-manager:collaborates-with',
        'error-coordinator:receives-from',
      ]),
    );
    expect(mentions.map((m) => m.name)).not.toContain('multi-agent');
    expect(mentions.map((m) => m.name)).not.toContain('workflow-orchestrator');
  });

  it('lingxling blockchain-developer: 与其他 agent 的集成：', () => {
    const { structure } = loadAgent('tests/fixtures/corpus/lingxling-subagents-cn/blockchain-developer.md');
    expect(structure.sections.find((s) => s.title === '与其他 agent 的集成')?.kind).toBe('collaboration');
    expect(structure.mentions.map((m) => m.name)).toEqual([
      'security-auditor',
      'backend-developer',
      'devops-engineer',
      'smart-contract-auditor',
      'web3-developer',
      'solidity-expert',
      'defi-architect',
    ]);
    expect(structure.responsibilities).toHaveLength(4);
    expect(structure.checklists[0]).toMatchObject({ title: '区块链开发检查清单' });
    expect(structure.checklists[0].items).toHaveLength(8);
  });

  it('davila7 task-decomposition-expert: hand-off wording, table rows, no multi-agent', () => {
    const { structure } = loadAgent('tests/fixtures/corpus/davila7-templates/task-decomposition-expert.md');
    const found = pairs(structure.mentions);
    expect(found).toEqual(
      expect.arrayContaining([
        'llm-architect:hands-to',
        'qa-expert:hands-to',
        'security-auditor:hands-to',
        'backend-developer:collaborates-with',
      ]),
    );
    const row = structure.mentions.find((m) => m.name === 'devops-engineer')!;
    expect(row.evidence).toBe('Infrastructure and deployment | devops-engineer | Service topology + SLO targets');
    const names = structure.mentions.map((m) => m.name);
    expect(names).not.toContain('multi-agent');
    expect(names).not.toContain('multi-step');
    expect(names).not.toContain('task-decomposition-expert');
  });
});

describe('words that are not agents', () => {
  it('keeps the never-agent words in the vocabulary stop list', () => {
    expect(vocab.agentNames.stopWords).toEqual(expect.arrayContaining(['agent-driven', 'multi-agent', 'real-time', 'end-to-end']));
  });

  it.each(['agent-driven', 'multi-agent', 'cloud-native', 'ci-cd', 'real-time', 'end-to-end', 'e-commerce', 'front-end', 'evidence-grounded', 'privacy-by-design', 'gpt-4', 'Backend-Developer'])(
    '%s is not agent-shaped',
    (word) => expect(isAgentShaped(word)).toBe(false),
  );

  it.each(['api-designer', 'agent-qa-engineer', 'multi-agent-coordinator', 'powershell-5.1-expert', 'x-api-integration'])(
    '%s is agent-shaped',
    (word) => expect(isAgentShaped(word)).toBe(true),
  );

  it('finds no agent in a collaboration section full of hyphenated words', () => {
    const s = extract(
      'Integration with other agents:\n\n' +
        '- Build agent-driven, multi-agent pipelines with real-time, end-to-end tracing\n' +
        '- Work with e-commerce front-end teams on opt-in, read-only add-ons\n' +
        '- Coordinate with api-designer on multi-agent flows\n',
    );
    expect(s.mentions.map((m) => m.name)).toEqual(['api-designer']);
  });

  it('does not take a modifier further down a list of names for an agent', () => {
    const found = mentionsInSentence(
      'Hand failure-handling conventions to error-coordinator and recurring-pattern findings to knowledge-synthesizer.',
      true,
    );
    expect(found.map((m) => m.name)).toEqual(['error-coordinator', 'knowledge-synthesizer']);
    expect(found[0].kind).toBe('hands-to');
  });

  it('needs relation wording and a role name outside collaboration sections', () => {
    const s = extract(
      '## Workflow\n\n- Migrate from legacy-system to the new stack\n- Review `aria-controls` with @key directives\n' +
        '- Hand off to security-auditor when done\n- Use the api-designer output\n',
    );
    expect(pairs(s.mentions)).toEqual(['security-auditor:hands-to']);
  });
});

describe('relation wording', () => {
  it.each([
    ['Receive API specifications from api-designer', 'receives-from'],
    ['從 api-designer 接收 API 規範', 'receives-from'],
    ['从 api-designer 获取规范', 'receives-from'],
    ['向 frontend-developer 提供端點', 'hands-to'],
    ['提交设计文档给agent-tech-lead', 'hands-to'],
    ['Hand off to task-decomposition-expert once a concept is locked', 'hands-to'],
    ['Provide endpoints to frontend-developer', 'hands-to'],
    ['完成后通知agent-tech-lead进行接口评估', 'notifies'],
    ['Notify context-manager of all created files', 'notifies'],
    ['被code-review-validator审查：架构一致性', 'reviewed-by'],
    ['Changes are reviewed by code-reviewer before merge', 'reviewed-by'],
    ['與 performance-engineer 同步優化', 'collaborates-with'],
    ['与agent-qa-engineer协作API测试', 'collaborates-with'],
    ['Collaborate with backend-developer on implementation', 'collaborates-with'],
    ['Support mobile-developer with API needs', 'collaborates-with'],
  ])('%s → %s', (sentence, kind) => {
    const [m] = mentionsInSentence(sentence, true);
    expect(m?.kind).toBe(kind);
    expect(m?.evidence).toBe(sentence);
  });

  it('applies wording to every name of a list', () => {
    const found = mentionsInSentence('Read recurring failure patterns from knowledge-synthesizer, performance-monitor, and error-coordinator.', true);
    expect(pairs(found)).toEqual([
      'knowledge-synthesizer:receives-from',
      'performance-monitor:receives-from',
      'error-coordinator:receives-from',
    ]);
  });

  it('reads @names and slash-separated names, not e-mail addresses or paths', () => {
    expect(mentionsInSentence('Ask @code-reviewer and ux-designer/ui-designer for review', true).map((m) => m.name)).toEqual([
      'code-reviewer',
      'ux-designer',
      'ui-designer',
    ]);
    expect(mentionsInSentence('Mail ops@data-engineer.io or see src/api-designer/index.ts', true)).toEqual([]);
  });
});

describe('front matter and deduplication', () => {
  it('reads collaborators as a list or a comma string, as collaborates-with', () => {
    expect(pairs(collaboratorMentions({ collaborators: ['api-designer', ' qa-expert '] }))).toEqual([
      'api-designer:collaborates-with',
      'qa-expert:collaborates-with',
    ]);
    expect(collaboratorMentions({ collaborators: 'api-designer, `qa-expert`' }).map((m) => m.name)).toEqual([
      'api-designer',
      'qa-expert',
    ]);
    expect(collaboratorMentions({})).toEqual([]);
  });

  it('adds collaborators to the extracted mentions and keeps the first evidence per name and kind', () => {
    const s = extract('Integration with other agents:\n\n- Work with api-designer on a\n- Work with API-designer on b\n', {
      name: 'me',
      collaborators: 'api-designer',
    });
    expect(s.mentions).toHaveLength(1);
    expect(s.mentions[0].evidence).toBe('collaborators: api-designer');
    const d = dedupeMentions([
      { name: 'a-b', kind: 'notifies', evidence: '1' },
      { name: 'A-B', kind: 'notifies', evidence: '2' },
      { name: 'a-b', kind: 'hands-to', evidence: '3' },
    ]);
    expect(d.map((m) => m.evidence)).toEqual(['1', '3']);
  });
});

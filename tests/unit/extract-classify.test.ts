import { describe, expect, it } from 'vitest';
import { classifySection, cleanTitle, foldLabel } from '../../src/lib/extract/classify.ts';
import type { SectionKind } from '../../src/lib/schema.ts';

// Labels as they appear in the seeds and the corpus, in all three languages.
const table: [string, SectionKind][] = [
  // responsibilities
  ['Responsibilities', 'responsibilities'],
  ['## Core Responsibilities', 'responsibilities'],
  ['🎯 Your Core Mission', 'responsibilities'],
  ['Core Capabilities', 'responsibilities'],
  ['When invoked:', 'responsibilities'],
  ['您的主要職責：', 'responsibilities'],
  ['核心职责 🏗️', 'responsibilities'],
  ['核心使命 🎯', 'responsibilities'],
  ['能力', 'responsibilities'],
  ['被呼叫時：', 'responsibilities'],
  ['当被调用时：', 'responsibilities'],
  // checklist
  ['Backend development checklist:', 'checklist'],
  ['Excellence checklist:', 'checklist'],
  ['Readiness checklist:', 'checklist'],
  ['Quality Standards', 'checklist'],
  ['後端開發檢查清單：', 'checklist'],
  ['就緒檢查清單：', 'checklist'],
  ['卓越检查清单：', 'checklist'],
  ['质量标准', 'checklist'],
  // workflow
  ['Development Workflow', 'workflow'],
  ['Workflow 📋', 'workflow'],
  ['Key Work Phases', 'workflow'],
  ['開發工作流程', 'workflow'],
  ['工作流程 📋', 'workflow'],
  ['关键工作阶段', 'workflow'],
  // collaboration
  ['Integration with other agents:', 'collaboration'],
  ['## Integration with Other Agents', 'collaboration'],
  ['Collaboration Boundaries 🚫', 'collaboration'],
  ['Notifying Other Agents', 'collaboration'],
  ['與其他代理的整合：', 'collaboration'],
  ['与其他代理的集成', 'collaboration'],
  ['与其他 agent 的集成：', 'collaboration'],
  ['与其他agent的集成：', 'collaboration'],
  ['协作接口', 'collaboration'],
  ['协作边界 🚫', 'collaboration'],
  ['通知其他Agent', 'collaboration'],
  // examples
  ['Examples', 'examples'],
  ['Example Use Cases', 'examples'],
  ['示例', 'examples'],
  ['範例', 'examples'],
  ['示例对话', 'examples'],
  // skills
  ['Tech stack', 'skills'],
  ['Technology Stack Expertise', 'skills'],
  ['Architectural Patterns', 'skills'],
  ['Professional Skills 🛠️', 'skills'],
  ['**技術堆疊專業知識**：', 'skills'],
  ['架構模式', 'skills'],
  ['专业技能 🛠️', 'skills'],
  ['核心技术栈精通', 'skills'],
  // standards
  ['Output Standards 📐', 'standards'],
  ['Performance targets', 'standards'],
  ['Security implementation standards:', 'standards'],
  ['输出标准 📐', 'standards'],
  ['性能基准', 'standards'],
  ['代码规范', 'standards'],
  ['安全實作標準：', 'standards'],
  // other
  ['API design requirements:', 'other'],
  ['API 設計需求：', 'other'],
  ['### 1. 系统架构设计', 'other'],
  ['Communication Protocol', 'other'],
  ['Permissions:', 'other'], // contains "mission" inside a word
  ['Team collaboration:', 'other'], // about people, vetoed in the vocabulary
  ['团队协作：', 'other'],
  ['Delivery notification:', 'other'],
  ['', 'other'],
];

describe('classifySection', () => {
  it.each(table)('%s → %s', (label, kind) => {
    expect(classifySection(label)).toBe(kind);
  });

  it('gives an English label and its Chinese translations the same kind', () => {
    const pairs: string[][] = [
      ['Integration with other agents:', '與其他代理的整合：', '与其他代理的集成：'],
      ['Backend development checklist:', '後端開發檢查清單：', '后端开发检查清单：'],
      ['Quality Standards', '質量標準', '质量标准'],
      ['Output Standards', '輸出標準', '输出标准'],
      ['Professional Skills', '專業技能', '专业技能'],
      ['Core Responsibilities', '核心職責', '核心职责'],
      ['Examples', '範例', '示例'],
    ];
    for (const labels of pairs) {
      const kinds = new Set(labels.map(classifySection));
      expect(kinds.size, labels.join(' / ')).toBe(1);
      expect([...kinds][0]).not.toBe('other');
    }
  });
});

describe('label folding and titles', () => {
  it('folds spacing around Chinese characters and drops punctuation and emoji', () => {
    expect(foldLabel('与其他 agent 的集成：')).toBe(foldLabel('与其他agent的集成'));
    expect(foldLabel('## Integration with Other Agents:')).toBe('integration with other agents');
  });

  it('keeps the label as written but without emoji and trailing colon', () => {
    expect(cleanTitle('核心职责 🏗️')).toBe('核心职责');
    expect(cleanTitle('When invoked:')).toBe('When invoked');
    expect(cleanTitle('後端開發檢查清單：')).toBe('後端開發檢查清單');
  });
});

import { describe, expect, it } from 'vitest';
import { collectionDistance, resolveEdges, type EdgeSource } from '../../src/lib/graph/resolve-edges.ts';
import type { EdgeKind, Mention } from '../../src/lib/schema.ts';
import { loadAgent } from './extract-helpers.ts';

const m = (name: string, kind: EdgeKind = 'collaborates-with', evidence = `with ${name}`): Mention => ({ name, kind, evidence });
const agent = (slug: string, name: string, collection = '', mentions: Mention[] = []): EdgeSource => ({ slug, name, collection, mentions });
const arrows = (edges: { from: string; to: string; kind: string; external: boolean }[]) =>
  edges.map((e) => `${e.from} -> ${e.to} ${e.kind}${e.external ? ' (external)' : ''}`);

describe('resolveEdges', () => {
  it('links names to slugs case-insensitively and keeps kind and evidence', () => {
    const { edges, ambiguities } = resolveEdges([
      agent('api-designer', 'API-Designer'),
      agent('backend-developer', 'backend-developer', '', [m('api-designer', 'receives-from', 'Receive specs from api-designer')]),
    ]);
    expect(edges).toEqual([
      { from: 'backend-developer', to: 'api-designer', kind: 'receives-from', evidence: 'Receive specs from api-designer', external: false },
    ]);
    expect(ambiguities).toEqual([]);
  });

  it('marks names outside the catalog as external and drops self edges', () => {
    const { edges } = resolveEdges([agent('a', 'alpha-agent', '', [m('alpha-agent'), m('ghost-writer', 'notifies')])]);
    expect(arrows(edges)).toEqual(['a -> ghost-writer notifies (external)']);
  });

  it('deduplicates by (from, to, kind), keeping the first evidence', () => {
    const { edges } = resolveEdges([
      agent('b', 'beta-agent'),
      agent('a', 'alpha-agent', '', [m('beta-agent', 'notifies', 'first'), m('BETA-AGENT', 'notifies', 'second'), m('beta-agent', 'hands-to')]),
    ]);
    expect(edges.map((e) => `${e.kind}:${e.evidence}`)).toEqual(['notifies:first', 'hands-to:with beta-agent']);
  });

  it('prefers a namesake in the same collection, then the nearest collection', () => {
    const agents = [
      agent('telegram-bot/backend-architect', 'backend-architect', 'telegram-bot'),
      agent('contains-studio/backend-architect', 'backend-architect', 'contains-studio'),
      agent('team/web/backend-architect', 'backend-architect', 'team/web'),
      agent('telegram-bot/lead', 'lead-engineer', 'telegram-bot', [m('backend-architect')]),
      agent('team/api/lead', 'lead-engineer', 'team/api', [m('backend-architect')]),
    ];
    expect(arrows(resolveEdges(agents).edges)).toEqual([
      'telegram-bot/lead -> telegram-bot/backend-architect collaborates-with',
      'team/api/lead -> team/web/backend-architect collaborates-with',
    ]);
  });

  it('reports a tie as an ambiguity and draws no edge', () => {
    const { edges, ambiguities } = resolveEdges([
      agent('x/devops-engineer', 'devops-engineer', 'x'),
      agent('y/devops-engineer', 'devops-engineer', 'y'),
      agent('z/planner', 'sprint-planner', 'z', [m('devops-engineer'), m('devops-engineer', 'notifies')]),
    ]);
    expect(edges).toEqual([]);
    expect(ambiguities).toEqual([{ from: 'z/planner', name: 'devops-engineer', candidates: ['x/devops-engineer', 'y/devops-engineer'] }]);
  });

  it('treats a file naming its own name as speaking of itself, even with namesakes elsewhere', () => {
    const { edges, ambiguities } = resolveEdges([
      agent('a/backend-architect', 'backend-architect', 'a', [m('backend-architect')]),
      agent('b/backend-architect', 'backend-architect', 'b'),
    ]);
    expect(edges).toEqual([]);
    expect(ambiguities).toEqual([]);
  });

  it('measures collection distance in the folder tree', () => {
    expect(collectionDistance('a/b', 'a/b')).toBe(0);
    expect(collectionDistance('a/b', 'a/c')).toBe(2);
    expect(collectionDistance('', 'a')).toBe(1);
    expect(collectionDistance('a/b/c', 'd')).toBe(4);
  });
});

describe('edges of the seeds', () => {
  const seeds = [
    ['voltagent-zh-hant/backend-developer', 'voltagent-zh-hant'],
    ['telegram-bot/backend-architect', 'telegram-bot'],
    ['ai-dev-team/backend-engineer', 'ai-dev-team'],
    ['contains-studio/backend-architect', 'contains-studio'],
  ];
  const sources = seeds.map(([slug, collection]) => {
    const { frontMatter, structure } = loadAgent(`agents/${slug}.md`);
    return agent(slug, String(frontMatter.name), collection, structure.mentions);
  });
  // Two agents the seeds name, so that some edges resolve inside the catalog.
  sources.push(agent('voltagent-zh-hant/api-designer', 'api-designer', 'voltagent-zh-hant'));
  sources.push(agent('other/api-designer', 'api-designer', 'other'));
  const { edges, ambiguities } = resolveEdges(sources);
  const from = (slug: string) => edges.filter((e) => e.from === slug).map((e) => `${e.to} ${e.kind}`);

  it('voltagent-zh-hant/backend-developer', () => {
    expect(from('voltagent-zh-hant/backend-developer')).toEqual([
      'voltagent-zh-hant/api-designer receives-from',
      'frontend-developer hands-to',
      'database-optimizer collaborates-with',
      'microservices-architect collaborates-with',
      'devops-engineer collaborates-with',
      'mobile-developer collaborates-with',
      'security-auditor collaborates-with',
      'performance-engineer collaborates-with',
    ]);
    expect(edges.find((e) => e.to === 'frontend-developer')?.external).toBe(true);
  });

  it('telegram-bot/backend-architect', () => {
    expect(from('telegram-bot/backend-architect')).toEqual([
      'data-engineer collaborates-with',
      'algorithm-specialist collaborates-with',
      'security-auditor collaborates-with',
      'code-review-validator reviewed-by',
    ]);
  });

  it('ai-dev-team/backend-engineer', () => {
    const found = from('ai-dev-team/backend-engineer');
    expect(found).toContain('agent-tech-lead notifies');
    expect(found).toContain('agent-qa-engineer collaborates-with');
    expect(found).toContain('agent-code-reviewer reviewed-by');
    expect(new Set(found.map((f) => f.split(' ')[0]))).toEqual(new Set(['agent-tech-lead', 'agent-qa-engineer', 'agent-code-reviewer']));
  });

  it('draws no edge to a non-agent word and no self edge', () => {
    expect(edges.some((e) => /^(agent-driven|multi-agent|real-time|end-to-end|e-commerce|front-end)$/.test(e.to))).toBe(false);
    expect(edges.some((e) => e.from === e.to)).toBe(false);
    expect(from('contains-studio/backend-architect')).toEqual([]);
    expect(ambiguities).toEqual([]);
  });
});

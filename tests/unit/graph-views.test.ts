import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Agent } from '../../src/lib/schema.ts';
import { edge, labels } from './graph-fixtures.ts';

// The graph cache folder is read from the environment when views.ts loads.
const dir = mkdtempSync(join(tmpdir(), 'graph-views-'));
vi.stubEnv('AGENT_ATLAS_CACHE_DIR', dir);
const { agentGraphSvg, cachedLayout } = await import('../../src/lib/graph/views.ts');
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const input = {
  nodes: [
    { id: 'a', label: 'alpha', href: '/en/agents/a/' },
    { id: 'b', label: 'beta', href: '/en/agents/b/' },
  ],
  edges: [{ from: 'a', to: 'b', kind: 'hands-to' as const }],
};

describe('cachedLayout', () => {
  it('lays a graph out once and gives each caller its own links', () => {
    const en = cachedLayout(input);
    const files = readdirSync(join(dir, 'graph'));
    expect(files).toHaveLength(1);
    const zh = cachedLayout({ ...input, nodes: input.nodes.map((n) => ({ ...n, href: n.href.replace('/en/', '/zh-hant/') })) });
    expect(readdirSync(join(dir, 'graph'))).toEqual(files);
    expect(en.nodes.map((n) => n.href)).toEqual(['/en/agents/a/', '/en/agents/b/']);
    expect(zh.nodes.map((n) => n.href)).toEqual(['/zh-hant/agents/a/', '/zh-hant/agents/b/']);
    expect(zh.nodes.map((n) => [n.x, n.y])).toEqual(en.nodes.map((n) => [n.x, n.y]));
  });
});

describe('agentGraphSvg', () => {
  const agent = {
    slug: 'coder',
    name: 'coder',
    collection: 'core',
    outgoing: [edge('coder', 'reviewer', 'reviewed-by')],
  } as unknown as Agent;

  it('draws the neighbours it is given, also when called again for the same agent', () => {
    const first = agentGraphSvg(agent, [], [{ slug: 'reviewer', name: 'reviewer', collection: 'quality' }], labels)!;
    expect(first).toContain('>reviewer</text>');
    expect(first).toContain('href="../reviewer/"');
    expect(agentGraphSvg(agent, [], [{ slug: 'reviewer', name: 'reviewer', collection: 'quality' }], labels)).toBe(first);
    const renamed = agentGraphSvg(agent, [], [{ slug: 'reviewer', name: 'code reviewer', collection: 'quality' }], labels)!;
    expect(renamed).toContain('>code reviewer</text>');
  });

  it('has no graph for an agent without edges', () => {
    expect(agentGraphSvg({ ...agent, outgoing: [] } as Agent, [], [], labels)).toBeUndefined();
  });

  it('draws the edges into the agent it is given, also when they change for the same agent', () => {
    const lone = { ...agent, slug: 'lone', name: 'lone', outgoing: [] } as unknown as Agent;
    const planner = [{ slug: 'planner', name: 'planner', collection: 'core' }];
    expect(agentGraphSvg(lone, [], [], labels)).toBeUndefined();
    const svg = agentGraphSvg(lone, [edge('planner', 'lone', 'hands-to')], planner, labels)!;
    expect(svg).toContain('>planner</text>');
    // Another agent's edit changes the edges in, not this agent's entry: the graph follows.
    expect(agentGraphSvg(lone, [edge('planner', 'lone', 'reviewed-by')], planner, labels)).not.toBe(svg);
  });
});

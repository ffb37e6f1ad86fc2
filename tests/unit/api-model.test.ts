import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { splitAgent } from '../../src/lib/catalog/agent-bodies.ts';
import { agentApiEntry, graphApi } from '../../src/lib/render/api-model.ts';
import { LOCALES } from '../../src/lib/locales.ts';

describe('the machine-readable catalog', async () => {
  const catalog = await buildCatalog({ agentsDir: 'tests/fixtures/e2e-agents', cacheDir: false });

  it('gives each agent its structure from the body, per locale, and its collaborators from the entry', () => {
    const agent = catalog.agents.find((a) => a.localized.en.responsibilities.length && a.localized.en.checklists.length && a.outgoing.length)!;
    const { entry, body } = splitAgent(agent);
    const api = agentApiEntry(entry, body, 'https://example.org/atlas/');
    expect(api.slug).toBe(agent.slug);
    for (const l of LOCALES) {
      expect(api.responsibilities[l].map((r) => r.text)).toEqual(agent.localized[l].responsibilities.map((r) => r.text));
      expect(api.checklists[l].map((c) => c.title)).toEqual(agent.localized[l].checklists.map((c) => c.title));
      expect(api.description[l]).toBe(agent.localized[l].summary);
      expect(api.urls[l]).toMatch(/^https:\/\/example\.org\/atlas\/[a-z-]+\/agents\//);
    }
    expect(api.examples).toEqual(agent.localized[agent.sourceLang].examples);
    expect(api.collaborators.map((c) => c.to)).toEqual(agent.outgoing.map((e) => e.to));
  });

  it('lists every edge once in the graph, from the entries alone', () => {
    const entries = catalog.agents.map((a) => splitAgent(a).entry);
    const graph = graphApi(entries);
    expect(graph.edges).toHaveLength(catalog.agents.reduce((n, a) => n + a.outgoing.length, 0));
    expect(graph.nodes.filter((n) => !n.external).map((n) => n.slug)).toEqual(catalog.agents.map((a) => a.slug));
  });
});

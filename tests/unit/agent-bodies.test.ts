import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { agentBody, publishAgents, publishedAgents, splitAgent } from '../../src/lib/catalog/agent-bodies.ts';
import { AgentBodySchema, AgentEntrySchema, AgentSchema } from '../../src/lib/schema.ts';
import { LOCALES } from '../../src/lib/locales.ts';
import {
  requestSearchIndex,
  searchIndexRequest,
  setPendingSearchIndex,
  takePendingSearchIndex,
  type PendingSearchIndex,
} from '../../src/lib/search/index-request.ts';

describe('agent entries and bodies', async () => {
  const catalog = await buildCatalog({ agentsDir: 'agents', cacheDir: false });

  it('split every seed agent into a valid entry and body that together are the whole agent', () => {
    for (const agent of catalog.agents) {
      const { entry, body } = splitAgent(agent);
      expect(AgentEntrySchema.parse(entry)).toEqual(entry);
      expect(AgentBodySchema.parse(body)).toEqual(body);
      // Nothing is lost: putting the parts back gives the agent the catalog made.
      const joined = {
        ...entry,
        raw: body.raw,
        localized: Object.fromEntries(LOCALES.map((l) => [l, { ...entry.localized[l], html: body.html[l], sections: body.sections[l] }])),
      };
      expect(AgentSchema.parse(joined)).toEqual(AgentSchema.parse(agent));
    }
  });

  it('keep the file text, body HTML and section list out of the entry', () => {
    const { entry, body } = splitAgent(catalog.agents[0]);
    expect(entry).not.toHaveProperty('raw');
    for (const l of LOCALES) expect(entry.localized[l]).not.toHaveProperty('html');
    for (const l of LOCALES) expect(entry.localized[l]).not.toHaveProperty('sections');
    expect(body.sections.en.length).toBeGreaterThan(0);
    expect(body.raw.length).toBeGreaterThan(100);
    expect(body.html.en).toContain('<');
  });

  it('are found by slug once published, and a missing one is an error that says why', () => {
    const holder = {};
    expect(() => agentBody('backend-developer', holder)).toThrow(/No agent bodies were published/);
    const agent = catalog.agents.find((a) => a.slug === 'backend-developer')!;
    publishAgents([agent], holder);
    expect(agentBody('backend-developer', holder)).toEqual(splitAgent(agent).body);
    expect(() => agentBody('nobody', holder)).toThrow(/No body was published for the agent "nobody"/);
  });

  it('publish the whole catalog for build steps outside the pages', () => {
    const holder = {};
    expect(publishedAgents(holder)).toBeUndefined();
    publishAgents(catalog.agents, holder);
    expect(publishedAgents(holder)).toBe(catalog.agents);
  });
});

describe('the search index hand-over between integration and loader', () => {
  it('is off until requested, carries the base path, and is taken once', () => {
    const holder = {};
    expect(searchIndexRequest(holder)).toBeUndefined();
    requestSearchIndex('/agent-atlas/', holder);
    expect(searchIndexRequest(holder)).toEqual({ base: '/agent-atlas/' });
    const pending: PendingSearchIndex = { pages: 3, parts: 1, write: async () => ({ pagesIndexed: 0, overlays: 0, ms: 0 }) };
    setPendingSearchIndex(pending, holder);
    expect(takePendingSearchIndex(holder)).toBe(pending);
    expect(takePendingSearchIndex(holder)).toBeUndefined();
  });
});

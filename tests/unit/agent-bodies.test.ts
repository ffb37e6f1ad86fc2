import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { agentBody, publishAgents, splitAgent } from '../../src/lib/catalog/agent-bodies.ts';
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

  it('split every seed agent into a valid entry and body that, with what only the catalog keeps, are the whole agent', () => {
    for (const agent of catalog.agents) {
      const { entry, body } = splitAgent(agent);
      expect(AgentEntrySchema.parse(entry)).toEqual(entry);
      expect(AgentBodySchema.parse(body)).toEqual(body);
      // Nothing else is lost: the parts and the four fields only the catalog keeps give the agent back.
      const joined = {
        ...entry,
        description: agent.description,
        mentions: agent.mentions,
        problems: agent.problems,
        incoming: agent.incoming,
        raw: body.raw,
        localized: Object.fromEntries(LOCALES.map((l) => [l, { ...entry.localized[l], ...body.localized[l] }])),
      };
      expect(AgentSchema.parse(joined)).toEqual(AgentSchema.parse(agent));
    }
  });

  it('keep the file text, the per-locale structure and what no page shows out of the entry', () => {
    const agent = catalog.agents.find((a) => a.slug === 'backend-developer')!;
    const { entry, body } = splitAgent(agent);
    for (const key of ['raw', 'description', 'mentions', 'problems', 'incoming']) expect(entry).not.toHaveProperty(key);
    for (const l of LOCALES) {
      for (const key of ['html', 'sections', 'summaryHtml', 'examples', 'responsibilities', 'checklists']) expect(entry.localized[l]).not.toHaveProperty(key);
      expect(body.localized[l].summaryHtml).toBe(agent.localized[l].summaryHtml);
      expect(entry.localized[l].title).toBe(agent.localized[l].title);
    }
    expect(agent.mentions.length).toBeGreaterThan(0);
    expect(body.raw.length).toBeGreaterThan(100);
    expect(body.localized.en.html).toContain('<');
    expect(body.localized.en.sections.length).toBeGreaterThan(0);
    expect(body.localized['zh-Hant'].responsibilities).toEqual(agent.localized['zh-Hant'].responsibilities);
    expect(body.localized['zh-Hans'].checklists).toEqual(agent.localized['zh-Hans'].checklists);
  });

  it('are found by slug once published, and a missing one is an error that says why', () => {
    const holder = {};
    expect(() => agentBody('backend-developer', holder)).toThrow(/No agent bodies were published/);
    const agent = catalog.agents.find((a) => a.slug === 'backend-developer')!;
    publishAgents([agent], holder);
    expect(agentBody('backend-developer', holder)).toEqual(splitAgent(agent).body);
    expect(() => agentBody('nobody', holder)).toThrow(/No body was published for the agent "nobody"/);
  });
});

describe('the search index hand-over between integration and loader', () => {
  it('is off until requested, carries the base path, and is taken once', () => {
    const holder = {};
    expect(searchIndexRequest(holder)).toBeUndefined();
    requestSearchIndex('/agent-atlas/', holder);
    expect(searchIndexRequest(holder)).toEqual({ base: '/agent-atlas/' });
    const pending: PendingSearchIndex = { pages: 2, servedPages: 3, parts: 1, write: async () => ({ pagesIndexed: 0, overlays: 0, ms: 0 }) };
    setPendingSearchIndex(pending, holder);
    expect(takePendingSearchIndex(holder)).toBe(pending);
    expect(takePendingSearchIndex(holder)).toBeUndefined();
  });
});

import type { AgentBody, AgentEntry, Item } from '../schema.ts';
import { LOCALES, type Locale } from '../locales.ts';
import { agentPath } from '../routing/paths.ts';

/**
 * The machine-readable catalog (`/api/agents.json`) and graph (`/api/graph.json`): what tools
 * and other sites need, without page HTML.
 */

function texts(items: Item[]): Array<{ id: string; text: string; children: unknown[] }> {
  return items.map((i) => ({ id: i.id, text: i.text, children: texts(i.children) }));
}

function perLocale<T>(fn: (l: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(LOCALES.map((l) => [l, fn(l)])) as Record<Locale, T>;
}

/** One entry of `agents.json`: the agent's entry with the structure from its body. */
export function agentApiEntry(agent: AgentEntry, body: AgentBody, siteUrl: string) {
  return {
    slug: agent.slug,
    name: agent.name,
    file: agent.file,
    collection: agent.collection,
    sourceLang: agent.sourceLang,
    description: perLocale((l) => agent.localized[l].summary),
    status: perLocale((l) => agent.localized[l].status),
    tools: agent.tools,
    model: agent.model ?? null,
    color: agent.color ?? null,
    extra: agent.extra,
    urls: perLocale((l) => new URL(agentPath(l, agent.slug).slice(1), siteUrl).href),
    examples: body.localized[agent.sourceLang].examples,
    responsibilities: perLocale((l) => texts(body.localized[l].responsibilities)),
    checklists: perLocale((l) => body.localized[l].checklists.map((c) => ({ id: c.id, title: c.title, items: texts(c.items) }))),
    collaborators: agent.outgoing.map((e) => ({ to: e.to, kind: e.kind, external: e.external, evidence: e.evidence })),
  };
}

/** `graph.json`: every agent and every external name as nodes, and all edges. */
export function graphApi(agents: readonly AgentEntry[]) {
  const nodes = agents.map((a) => ({ slug: a.slug, name: a.name, collection: a.collection, external: false }));
  const externals = new Set(agents.flatMap((a) => a.outgoing.filter((e) => e.external).map((e) => e.to)));
  for (const name of [...externals].sort()) nodes.push({ slug: name, name, collection: '', external: true });
  const edges = agents.flatMap((a) => a.outgoing.map((e) => ({ from: e.from, to: e.to, kind: e.kind, evidence: e.evidence, external: e.external })));
  return { nodes, edges };
}

import type { Edge, Mention } from '../schema.ts';

/**
 * Turns the mentions found in agent files into edges between agents of the catalog. Mentions are
 * names; the catalog's slugs are unique but names are not (collections reuse `backend-architect`),
 * so a name is resolved to the candidate nearest the mentioning agent.
 */

/** What {@link resolveEdges} needs to know about an agent. */
export interface EdgeSource {
  /** Unique slug. */
  slug: string;
  /** The agent's name, compared case-insensitively with mentions. */
  name: string;
  /** Folder of the agent's file relative to the agents folder ('' at the top). */
  collection: string;
  /** Mentions of other agents found in the agent's file. */
  mentions: Mention[];
}

/** A mention that several agents could answer, equally near the mentioning agent. */
export interface EdgeAmbiguity {
  /** Slug of the agent whose file holds the mention. */
  from: string;
  /** The name as mentioned. */
  name: string;
  /** Slugs of the equally near agents with that name. */
  candidates: string[];
}

/** The result of {@link resolveEdges}. */
export interface ResolvedEdges {
  /** Edges, deduplicated by (from, to, kind), first evidence kept, in input order. */
  edges: Edge[];
  /** Mentions left unresolved because several agents were equally near; they make no edge. */
  ambiguities: EdgeAmbiguity[];
}

/** Folder segments of a collection path (`a/b` → ['a', 'b']). */
function segments(collection: string): string[] {
  return collection.split('/').filter(Boolean);
}

/**
 * Distance between two collections in the folder tree: steps up from one to the common ancestor
 * plus steps down to the other. The same collection is 0; sibling sub-collections are 2.
 */
export function collectionDistance(a: string, b: string): number {
  const x = segments(a);
  const y = segments(b);
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  return x.length + y.length - 2 * common;
}

/**
 * Resolves every agent's mentions into edges. Names compare case-insensitively. When several agents
 * share the name, the nearest collection wins (the same one first); a tie is reported in
 * `ambiguities` and makes no edge, since guessing would draw a wrong arrow. A name no agent has
 * becomes an edge with `external: true` and `to` set to the name. An agent naming itself (or a
 * namesake, when it is one of the candidates) makes no edge.
 * @example
 * resolveEdges([
 *   { slug: 'a', name: 'api-designer', collection: '', mentions: [] },
 *   { slug: 'b', name: 'backend-developer', collection: '', mentions: [{ name: 'api-designer', kind: 'receives-from', evidence: '…' }] },
 * ]).edges // [{ from: 'b', to: 'a', kind: 'receives-from', evidence: '…', external: false }]
 */
export function resolveEdges(agents: EdgeSource[]): ResolvedEdges {
  const byName = new Map<string, EdgeSource[]>();
  for (const agent of agents) {
    const key = agent.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), agent]);
  }
  const edges: Edge[] = [];
  const ambiguities: EdgeAmbiguity[] = [];
  const seenEdges = new Set<string>();
  const seenAmbiguities = new Set<string>();

  const add = (edge: Edge) => {
    const key = `${edge.from}\u0000${edge.to.toLowerCase()}\u0000${edge.kind}`;
    if (seenEdges.has(key)) return;
    seenEdges.add(key);
    edges.push(edge);
  };

  for (const agent of agents) {
    for (const mention of agent.mentions) {
      const name = mention.name.trim();
      const candidates = byName.get(name.toLowerCase()) ?? [];
      const base = { from: agent.slug, kind: mention.kind, evidence: mention.evidence };
      if (candidates.length === 0) {
        add({ ...base, to: name, external: true });
        continue;
      }
      // A file naming its own name speaks of itself, even when other collections reuse the name.
      if (candidates.some((c) => c.slug === agent.slug)) continue;
      const distances = candidates.map((c) => collectionDistance(agent.collection, c.collection));
      const nearest = Math.min(...distances);
      const best = candidates.filter((_, i) => distances[i] === nearest);
      if (best.length === 1) {
        add({ ...base, to: best[0].slug, external: false });
        continue;
      }
      const key = `${agent.slug}\u0000${name.toLowerCase()}`;
      if (!seenAmbiguities.has(key)) {
        seenAmbiguities.add(key);
        ambiguities.push({ from: agent.slug, name, candidates: best.map((c) => c.slug) });
      }
    }
  }
  return { edges, ambiguities };
}

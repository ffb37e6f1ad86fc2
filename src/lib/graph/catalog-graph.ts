import type { AgentEntry, Edge, EdgeKind } from '../schema.ts';
import type { GraphAgent, GraphEdgeInput, GraphInput, GraphNodeInput } from './layout.ts';
import { compareEdges, compareNodes, externalId, uniqueEdges } from './neighbourhood.ts';

/**
 * Graphs for the whole-catalog page. One SVG of 300+ agents is unreadable, so the page shows
 * an overview of collections, one graph per collection, and plain lists for the loose ends
 * (orphans and unresolved names).
 */

/** What the catalog graph page reads of an agent: names, collections and hand-offs. */
export type CatalogGraphAgent = Pick<AgentEntry, 'slug' | 'name' | 'collection' | 'outgoing'>;

/** The catalog graph's part of each agent (so the page's data, and its cache key, is no more). */
export function catalogGraphAgents(agents: readonly CatalogGraphAgent[]): CatalogGraphAgent[] {
  return agents.map(({ slug, name, collection, outgoing }) => ({ slug, name, collection, outgoing }));
}

/** A name mentioned by agents but not in the catalog. */
export interface UnresolvedName {
  /** The name as written. */
  name: string;
  /** Slugs of the agents that mention it, sorted. */
  from: string[];
  /** The kinds of relation used, in first-seen order. */
  kinds: EdgeKind[];
}

function bySlug<A extends GraphAgent>(agents: readonly A[]): Map<string, A> {
  return new Map(agents.map((a) => [a.slug, a]));
}

/**
 * One node per collection (label `name (agent count)`, id = collection name) and one edge
 * per (source collection, target collection, kind), with `count` = how many distinct agent
 * pairs it stands for. Edges inside a collection and to external names are left out: the
 * collection graphs and {@link unresolved} show those.
 */
export function collectionOverview(
  agents: readonly GraphAgent[],
  edges: readonly Edge[],
  hrefForCollection?: (collection: string) => string,
): GraphInput {
  const sizes = new Map<string, number>();
  for (const a of agents) sizes.set(a.collection, (sizes.get(a.collection) ?? 0) + 1);

  const nodes: GraphNodeInput[] = [...sizes].map(([collection, n]) => ({
    id: collection,
    label: `${collection} (${n})`,
    group: collection,
    ...(hrefForCollection ? { href: hrefForCollection(collection) } : {}),
  }));

  const agentBySlug = bySlug(agents);
  const counts = new Map<string, GraphEdgeInput>();
  for (const e of uniqueEdges(edges)) {
    if (e.external) continue;
    const from = agentBySlug.get(e.from)?.collection;
    const to = agentBySlug.get(e.to)?.collection;
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}\u0000${e.kind}`;
    const agg = counts.get(key);
    if (agg) agg.count = (agg.count ?? 1) + 1;
    else counts.set(key, { from, to, kind: e.kind, count: 1 });
  }
  return { nodes: nodes.sort(compareNodes), edges: [...counts.values()].sort(compareEdges) };
}

/**
 * The agents of one collection with every edge that starts or ends in it, plus the nodes on
 * the far side: agents of other collections (linked, `group`/`sublabel` = their collection)
 * and external names (`external: true`, no link). Render it with
 * `renderGraphSvg(layout, labels, { primaryGroup: collection })` so neighbours from other
 * collections are drawn muted. For every collection at once, {@link collectionGraphs} is cheaper.
 */
export function collectionGraph(
  collection: string,
  agents: readonly GraphAgent[],
  edges: readonly Edge[],
  hrefFor: (slug: string) => string,
): GraphInput {
  const agentBySlug = bySlug(agents);
  const members = agents.filter((a) => a.collection === collection);
  return buildCollectionGraph(collection, members, agentBySlug, uniqueEdges(edges), hrefFor);
}

/**
 * {@link collectionGraph} of each collection in `collections`, in that order. The edges are
 * deduplicated and sorted into collections once, instead of scanning all of them per collection
 * (a thousand-agent catalog has over a hundred collections and ten thousand edges).
 */
export function collectionGraphs(
  collections: readonly string[],
  agents: readonly GraphAgent[],
  edges: readonly Edge[],
  hrefFor: (slug: string) => string,
): GraphInput[] {
  const agentBySlug = bySlug(agents);
  const members = new Map<string, GraphAgent[]>(collections.map((c) => [c, []]));
  for (const a of agents) members.get(a.collection)?.push(a);
  const touching = new Map<string, Edge[]>(collections.map((c) => [c, []]));
  for (const e of uniqueEdges(edges)) {
    const from = agentBySlug.get(e.from)?.collection;
    const to = e.external ? undefined : agentBySlug.get(e.to)?.collection;
    if (from !== undefined) touching.get(from)?.push(e);
    if (to !== undefined && to !== from) touching.get(to)?.push(e);
  }
  return collections.map((c) => buildCollectionGraph(c, members.get(c) ?? [], agentBySlug, touching.get(c) ?? [], hrefFor));
}

/** The graph of `collection` from its `members` and its deduplicated `edges` (others are skipped). */
function buildCollectionGraph(
  collection: string,
  members: readonly GraphAgent[],
  agentBySlug: ReadonlyMap<string, GraphAgent>,
  edges: readonly Edge[],
  hrefFor: (slug: string) => string,
): GraphInput {
  const nodes = new Map<string, GraphNodeInput>();
  for (const a of members) nodes.set(a.slug, { id: a.slug, label: a.name, href: hrefFor(a.slug), group: collection });

  const endpoint = (slugOrName: string, external: boolean): string => {
    const agent = external ? undefined : agentBySlug.get(slugOrName);
    if (!agent) {
      const id = externalId(slugOrName);
      if (!nodes.has(id)) nodes.set(id, { id, label: slugOrName, external: true });
      return id;
    }
    if (!nodes.has(agent.slug)) {
      nodes.set(agent.slug, {
        id: agent.slug,
        label: agent.name,
        href: hrefFor(agent.slug),
        group: agent.collection,
        sublabel: agent.collection,
      });
    }
    return agent.slug;
  };

  const out: GraphEdgeInput[] = [];
  for (const e of edges) {
    const fromInside = agentBySlug.get(e.from)?.collection === collection;
    const toInside = !e.external && agentBySlug.get(e.to)?.collection === collection;
    if (!fromInside && !toInside) continue;
    out.push({ from: endpoint(e.from, false), to: endpoint(e.to, e.external), kind: e.kind });
  }
  return { nodes: [...nodes.values()].sort(compareNodes), edges: out.sort(compareEdges) };
}

/**
 * Agents no other agent links to (no incoming edge from a different agent), in input order.
 * These are entry points or forgotten agents; the catalog page lists them.
 */
export function orphans<A extends GraphAgent>(agents: readonly A[], edges: readonly Edge[]): A[] {
  const linked = new Set<string>();
  for (const e of edges) if (!e.external && e.from !== e.to) linked.add(e.to);
  return agents.filter((a) => !linked.has(a.slug));
}

/**
 * Names that edges point at but no agent in the catalog has, each with the agents that
 * mention it; most-mentioned first, then by name. Usually typos or agents not yet written.
 */
export function unresolved(edges: readonly Edge[]): UnresolvedName[] {
  const byName = new Map<string, { from: Set<string>; kinds: EdgeKind[] }>();
  for (const e of edges) {
    if (!e.external) continue;
    let entry = byName.get(e.to);
    if (!entry) byName.set(e.to, (entry = { from: new Set(), kinds: [] }));
    entry.from.add(e.from);
    if (!entry.kinds.includes(e.kind)) entry.kinds.push(e.kind);
  }
  return [...byName]
    .map(([name, { from, kinds }]) => ({ name, from: [...from].sort(), kinds }))
    .sort((a, b) => b.from.length - a.from.length || a.name.localeCompare(b.name, 'en'));
}

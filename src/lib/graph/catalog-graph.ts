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
 * Agents of other collections a collection graph draws one by one. Above this, each other
 * collection with two or more of them is one box: a graph of 20 agents with 200 neighbours from
 * elsewhere (seen in the benchmark's catalog: 12,800 px tall) shows nothing of its own
 * collection, and costs dagre more than its whole collection (ordering grows faster than the
 * boxes). A collection with one of them keeps it: a box would hide its name and save nothing.
 * Measured by hand on the 1,000-agent benchmark catalog's 1,126 layouts (one thread, four
 * interleaved rounds, a process each): 11.5–13.8 s before, 7.8–9.9 s with this limit; its tallest
 * collection graph 3,900 px.
 */
export const FOREIGN_AGENT_LIMIT = 12;

/** Options of {@link collectionGraph} and {@link collectionGraphs}. */
export interface CollectionGraphOptions {
  /** Link of another collection's box (e.g. its section of the graph page); none without it. */
  collectionHref?: (collection: string) => string;
  /** See {@link FOREIGN_AGENT_LIMIT} (tests set a smaller one). */
  foreignAgentLimit?: number;
}

/** Node id of a collection drawn as one box in another collection's graph. */
function collectionNodeId(collection: string): string {
  return `collection:${collection}`;
}

/**
 * Label of a collection's box: its path (`/` for the agents folder's top level) and its number of
 * agents, the same in every locale (layouts are shared by the locales).
 * @example collectionLabel('team/review', 4) // 'team/review (4)'
 */
function collectionLabel(collection: string, size: number): string {
  return `${collection || '/'} (${size})`;
}

/** Agents per collection. */
export function collectionSizes(agents: readonly GraphAgent[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const a of agents) sizes.set(a.collection, (sizes.get(a.collection) ?? 0) + 1);
  return sizes;
}

/** Adds `edge` to `into`, or counts it on the edge with the same ends and kind already there. */
function countEdge(into: Map<string, GraphEdgeInput>, edge: GraphEdgeInput): void {
  const key = `${edge.from}\u0000${edge.to}\u0000${edge.kind}`;
  const agg = into.get(key);
  if (agg) agg.count = (agg.count ?? 1) + (edge.count ?? 1);
  else into.set(key, { ...edge, count: edge.count ?? 1 });
}

/**
 * One node per collection (label `name (agent count)`, `/` for the top level, shortened at its
 * start when too wide; id = collection name) and one edge
 * per (source collection, target collection, kind), with `count` = how many distinct agent
 * pairs it stands for. Edges inside a collection and to external names are left out: the
 * collection graphs and {@link unresolved} show those.
 */
export function collectionOverview(
  agents: readonly GraphAgent[],
  edges: readonly Edge[],
  hrefForCollection?: (collection: string) => string,
): GraphInput {
  const sizes = collectionSizes(agents);

  const nodes: GraphNodeInput[] = [...sizes].map(([collection, n]) => ({
    id: collection,
    label: collectionLabel(collection, n),
    isCollection: true,
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
    countEdge(counts, { from, to, kind: e.kind });
  }
  return { nodes: nodes.sort(compareNodes), edges: [...counts.values()].sort(compareEdges) };
}

/**
 * The agents of one collection with every edge that starts or ends in it, plus the nodes on
 * the far side: agents of other collections (linked, `group`/`sublabel` = their collection) and
 * external names (`external: true`, no link). When more than {@link FOREIGN_AGENT_LIMIT} agents of
 * other collections are touched, each of those collections with two or more of them is one box
 * instead (labelled like the overview's, linked by `collectionHref`), its edges counted per member,
 * direction and kind.
 * Render it with `renderGraphSvg(layout, labels, { primaryGroup: collection })` so the other
 * collections are drawn muted. For every collection at once, {@link collectionGraphs} is cheaper.
 */
export function collectionGraph(
  collection: string,
  agents: readonly GraphAgent[],
  edges: readonly Edge[],
  hrefFor: (slug: string) => string,
  options: CollectionGraphOptions = {},
): GraphInput {
  const agentBySlug = bySlug(agents);
  const members = agents.filter((a) => a.collection === collection);
  return buildCollectionGraph(collection, members, { ...options, agentBySlug, sizes: collectionSizes(agents), hrefFor }, uniqueEdges(edges));
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
  options: CollectionGraphOptions = {},
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
  const context = { ...options, agentBySlug, sizes: collectionSizes(agents), hrefFor };
  return collections.map((c) => buildCollectionGraph(c, members.get(c) ?? [], context, touching.get(c) ?? []));
}

/** What every collection graph of a catalog shares. */
interface CollectionGraphContext extends CollectionGraphOptions {
  agentBySlug: ReadonlyMap<string, GraphAgent>;
  /** Agents per collection. */
  sizes: ReadonlyMap<string, number>;
  hrefFor: (slug: string) => string;
}

/** The graph of `collection` from its `members` and its deduplicated `edges` (others are skipped). */
function buildCollectionGraph(collection: string, members: readonly GraphAgent[], context: CollectionGraphContext, edges: readonly Edge[]): GraphInput {
  const { agentBySlug, sizes, hrefFor, collectionHref } = context;
  const inside = (slug: string) => agentBySlug.get(slug)?.collection === collection;
  const touched = edges.filter((e) => inside(e.from) || (!e.external && inside(e.to)));
  const grouped = groupedCollections(touched, collection, agentBySlug, context.foreignAgentLimit ?? FOREIGN_AGENT_LIMIT);

  const nodes = new Map<string, GraphNodeInput>();
  for (const a of members) nodes.set(a.slug, { id: a.slug, label: a.name, href: hrefFor(a.slug), group: collection });

  const endpoint = (slugOrName: string, external: boolean): string => {
    const agent = external ? undefined : agentBySlug.get(slugOrName);
    if (!agent) {
      const id = externalId(slugOrName);
      if (!nodes.has(id)) nodes.set(id, { id, label: slugOrName, external: true });
      return id;
    }
    if (grouped.has(agent.collection)) {
      const id = collectionNodeId(agent.collection);
      if (!nodes.has(id)) {
        const label = collectionLabel(agent.collection, sizes.get(agent.collection) ?? 0);
        nodes.set(id, { id, label, isCollection: true, group: agent.collection, ...(collectionHref ? { href: collectionHref(agent.collection) } : {}) });
      }
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

  // The edges are unique (uniqueEdges), so only those to or from a box can meet another with the
  // same ends and kind: they are counted, and a count of one is left off, as on any other edge.
  const counted = new Map<string, GraphEdgeInput>();
  for (const e of touched) countEdge(counted, { from: endpoint(e.from, false), to: endpoint(e.to, e.external), kind: e.kind });
  const out = [...counted.values()].map(({ count, ...e }) => (count === 1 ? e : { ...e, count }));
  return { nodes: [...nodes.values()].sort(compareNodes), edges: out.sort(compareEdges) };
}

/**
 * The other collections drawn as one box in `collection`'s graph: none while its `edges` touch at
 * most `limit` agents of other collections, else those with two or more of them.
 */
function groupedCollections(edges: readonly Edge[], collection: string, agentBySlug: ReadonlyMap<string, GraphAgent>, limit: number): Set<string> {
  const foreign = new Map<string, Set<string>>();
  let count = 0;
  const note = (slug: string) => {
    const other = agentBySlug.get(slug)?.collection;
    if (other === undefined || other === collection) return;
    let slugs = foreign.get(other);
    if (!slugs) foreign.set(other, (slugs = new Set()));
    if (!slugs.has(slug)) count++;
    slugs.add(slug);
  };
  for (const e of edges) {
    note(e.from);
    if (!e.external) note(e.to);
  }
  return new Set(count > limit ? [...foreign].filter(([, slugs]) => slugs.size > 1).map(([c]) => c) : []);
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

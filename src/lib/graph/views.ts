import type { AgentEntry, Edge } from '../schema.ts';
import type { Translate } from '../i18n/ui.ts';
import { EdgeKindSchema } from '../schema.ts';
import { layoutGraph, type GraphAgent, type GraphInput, type GraphLabels, type GraphLayout } from './layout.ts';
import { renderGraphSvg } from './svg.ts';
import { cacheKey, cachedByHash } from './cache.ts';
import { neighbourhood } from './neighbourhood.ts';
import { collectionGraphs, collectionOverview, collectionSizes, orphans, unresolved, type CatalogGraphAgent, type UnresolvedName } from './catalog-graph.ts';

/**
 * The graphs pages show. Layouts are cached by content hash across builds and do not depend on
 * the locale: links inside an agent's graph are relative, so the three locales share one
 * layout and only the labels differ when the SVG is written.
 */

/** Localized labels for graph SVGs. */
export function graphLabels(t: Translate, title: string): GraphLabels {
  const kinds = Object.fromEntries(EdgeKindSchema.options.map((k) => [k, t(`graph.kinds.${k}` as 'graph.kinds.hands-to')]));
  return {
    title,
    kinds: kinds as GraphLabels['kinds'],
    external: t('graph.external'),
    legend: t('graph.legend'),
    collection: (label) => t('graph.collection', { name: label }),
  };
}

/**
 * The part of a graph input its layout depends on: links do not move boxes, so they are left
 * out and the three locales (whose links differ) share one layout and one cache entry.
 */
export function layoutKeyInput(input: GraphInput): GraphInput {
  return { nodes: input.nodes.map(({ href: _href, ...node }) => node), edges: input.edges };
}

/** Most layouts kept parsed in memory (a 1,000-agent catalog has about 1,100). */
const MEMO_LIMIT = 4096;
const memo = new Map<string, GraphLayout>();

/**
 * Lays out a graph, or returns the layout cached for the same input (see {@link layoutKeyInput}).
 * Each layout is also kept parsed in memory: every agent page and the graph page are rendered
 * once per locale, and re-reading and parsing the cache file was most of their graph time.
 */
export function cachedLayout(input: GraphInput): GraphLayout {
  const bare = layoutKeyInput(input);
  const key = cacheKey({ layout: bare });
  let layout = memo.get(key);
  if (!layout) {
    layout = JSON.parse(cachedByHash(key, () => JSON.stringify(layoutGraph(bare)))) as GraphLayout;
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(key, layout);
  }
  // The shared layout is never changed: nodes that get a link are copies.
  const hrefs = new Map(input.nodes.map((n) => [n.id, n.href]));
  const nodes = layout.nodes.map((node) => {
    const href = hrefs.get(node.id);
    return href === undefined ? node : { ...node, href };
  });
  return { ...layout, nodes };
}

/**
 * The relative href from one agent page to another in the same locale:
 * from `/en/agents/a/b/` to `c` is `../../c/`.
 */
export function relativeAgentHref(fromSlug: string, toSlug: string): string {
  return `${'../'.repeat(fromSlug.split('/').length)}${toSlug}/`;
}

/** Per agent: its edges in and neighbours (as a string) and its graph's layout, shared by its locales. */
const agentLayouts = new WeakMap<AgentEntry, { context: string; layout: GraphLayout | undefined }>();

/**
 * The neighbourhood graph of an agent (its outgoing edges and `incoming`, the edges into it), or
 * undefined if it has none.
 */
export function agentGraphSvg(
  agent: AgentEntry,
  incoming: readonly Edge[],
  neighbours: ReadonlyArray<GraphAgent>,
  labels: GraphLabels,
): string | undefined {
  // Each agent page is rendered once per locale with the same agent, edges in and neighbours,
  // and the graph's links are relative, so its layout (with links) is computed once. The edges
  // in are not part of the agent's entry: another agent's edit changes them, not the entry.
  const context = [
    ...incoming.map((e) => `${e.from}\u0000${e.kind}`),
    '',
    ...neighbours.map((n) => `${n.slug}\u0000${n.name}\u0000${n.collection}`),
  ].join('\u0001');
  let entry = agentLayouts.get(agent);
  if (!entry || entry.context !== context) {
    const input = agentGraphInput(agent, incoming, neighbours);
    entry = { context, layout: input && cachedLayout(input) };
    agentLayouts.set(agent, entry);
  }
  return entry.layout && renderGraphSvg(entry.layout, labels, { idPrefix: 'g-agent' });
}

/** The input of an agent's neighbourhood graph, or undefined if it has no edges. */
export function agentGraphInput(
  agent: Pick<AgentEntry, 'slug' | 'name' | 'collection' | 'outgoing'>,
  incoming: readonly Edge[],
  neighbours: ReadonlyArray<GraphAgent>,
): GraphInput | undefined {
  const edges: Edge[] = [...agent.outgoing, ...incoming];
  if (!edges.length) return undefined;
  const nodes = new Map<string, GraphAgent>([[agent.slug, { slug: agent.slug, name: agent.name, collection: agent.collection }]]);
  for (const n of neighbours) nodes.set(n.slug, n);
  return neighbourhood(agent.slug, edges, nodes, (slug) => relativeAgentHref(agent.slug, slug));
}

/** One collection's section of the catalog graph page. */
export interface CollectionView {
  collection: string;
  count: number;
  /** Anchor id of the collection's section. */
  id: string;
  svg: string;
  edges: Edge[];
}

/** Everything the catalog graph page shows. */
export interface CatalogGraphView {
  overviewSvg?: string;
  collections: CollectionView[];
  orphans: GraphAgent[];
  unresolved: UnresolvedName[];
}

/** Builds the catalog graph page: an overview of collections, one graph per collection, loose ends. */
export function catalogGraphView(agents: readonly CatalogGraphAgent[], labels: GraphLabels, hrefFor: (slug: string) => string): CatalogGraphView {
  const { graphAgents, edges, names, idOf, overview, inputs } = catalogGraphInputs(agents, hrefFor);
  // One pass over agents and edges, not one per collection.
  const collectionOf = new Map(graphAgents.map((a) => [a.slug, a.collection]));
  const counts = collectionSizes(graphAgents);
  const edgesFrom = new Map<string, Edge[]>(names.map((c) => [c, []]));
  for (const e of edges) {
    const from = collectionOf.get(e.from);
    if (from !== undefined) edgesFrom.get(from)?.push(e);
  }
  const collections = names.map((collection, i) => ({
    collection,
    count: counts.get(collection) ?? 0,
    id: idOf(collection),
    svg: renderGraphSvg(cachedLayout(inputs[i]), labels, { idPrefix: idOf(collection), primaryGroup: collection }),
    edges: edgesFrom.get(collection) ?? [],
  }));
  return {
    overviewSvg: names.length > 1 ? renderGraphSvg(cachedLayout(overview), labels, { idPrefix: 'g-overview' }) : undefined,
    collections,
    orphans: orphans(graphAgents, edges),
    unresolved: unresolved(edges),
  };
}

/** The layout inputs of the catalog graph page: the overview and one graph per collection. */
export function catalogGraphInputs(agents: readonly CatalogGraphAgent[], hrefFor: (slug: string) => string) {
  const graphAgents: GraphAgent[] = agents.map((a) => ({ slug: a.slug, name: a.name, collection: a.collection }));
  const edges = agents.flatMap((a) => a.outgoing);
  const names = [...new Set(graphAgents.map((a) => a.collection))].sort();
  const index = new Map(names.map((c, i) => [c, i]));
  const idOf = (c: string) => `collection-${(index.get(c) ?? -1) + 1}`;
  // A collection's box (in the overview, or in another collection's graph) links to its section.
  const sectionHref = (c: string) => `#${idOf(c)}`;
  const overview = collectionOverview(graphAgents, edges, sectionHref);
  const inputs = collectionGraphs(names, graphAgents, edges, hrefFor, { collectionHref: sectionHref });
  return { graphAgents, edges, names, idOf, overview, inputs };
}

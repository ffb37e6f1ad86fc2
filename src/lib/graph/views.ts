import type { Agent, Edge } from '../schema.ts';
import type { Translate } from '../i18n/ui.ts';
import { EdgeKindSchema } from '../schema.ts';
import { layoutGraph, type GraphAgent, type GraphInput, type GraphLabels, type GraphLayout } from './layout.ts';
import { renderGraphSvg } from './svg.ts';
import { cachedSvg } from './cache.ts';
import { neighbourhood } from './neighbourhood.ts';
import { collectionGraph, collectionOverview, orphans, unresolved, type UnresolvedName } from './catalog-graph.ts';

/**
 * The graphs pages show. Layouts are cached by content hash across builds and do not depend on
 * the locale: links inside an agent's graph are relative, so the three locales share one
 * layout and only the labels differ when the SVG is written.
 */

/** Localized labels for graph SVGs. */
export function graphLabels(t: Translate, title: string): GraphLabels {
  const kinds = Object.fromEntries(EdgeKindSchema.options.map((k) => [k, t(`graph.kinds.${k}` as 'graph.kinds.hands-to')]));
  return { title, kinds: kinds as GraphLabels['kinds'], external: t('graph.external'), legend: t('graph.legend') };
}

/**
 * The part of a graph input its layout depends on: links do not move boxes, so they are left
 * out and the three locales (whose links differ) share one layout and one cache entry.
 */
export function layoutKeyInput(input: GraphInput): GraphInput {
  return { nodes: input.nodes.map(({ href: _href, ...node }) => node), edges: input.edges };
}

/** Lays out a graph, or returns the layout cached for the same input (see {@link layoutKeyInput}). */
export function cachedLayout(input: GraphInput): GraphLayout {
  const bare = layoutKeyInput(input);
  const layout = JSON.parse(cachedSvg({ layout: bare }, () => JSON.stringify(layoutGraph(bare)))) as GraphLayout;
  const hrefs = new Map(input.nodes.map((n) => [n.id, n.href]));
  for (const node of layout.nodes) {
    const href = hrefs.get(node.id);
    if (href !== undefined) node.href = href;
  }
  return layout;
}

/**
 * The relative href from one agent page to another in the same locale:
 * from `/en/agents/a/b/` to `c` is `../../c/`.
 */
export function relativeAgentHref(fromSlug: string, toSlug: string): string {
  return `${'../'.repeat(fromSlug.split('/').length)}${toSlug}/`;
}

/** The neighbourhood graph of an agent (incoming and outgoing edges), or undefined if it has none. */
export function agentGraphSvg(
  agent: Agent,
  neighbours: ReadonlyArray<GraphAgent>,
  labels: GraphLabels,
): string | undefined {
  const input = agentGraphInput(agent, neighbours);
  return input && renderGraphSvg(cachedLayout(input), labels, { idPrefix: 'g-agent' });
}

/** The input of an agent's neighbourhood graph, or undefined if it has no edges. */
export function agentGraphInput(agent: Agent, neighbours: ReadonlyArray<GraphAgent>): GraphInput | undefined {
  const edges: Edge[] = [...agent.outgoing, ...agent.incoming];
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
export function catalogGraphView(agents: readonly Agent[], labels: GraphLabels, hrefFor: (slug: string) => string): CatalogGraphView {
  const { graphAgents, edges, names, idOf, overview, inputs } = catalogGraphInputs(agents, hrefFor);
  const collections = names.map((collection, i) => {
    const input = inputs[i];
    const svg = renderGraphSvg(cachedLayout(input), labels, { idPrefix: idOf(collection), primaryGroup: collection });
    const members = new Set(graphAgents.filter((a) => a.collection === collection).map((a) => a.slug));
    return {
      collection,
      count: members.size,
      id: idOf(collection),
      svg,
      edges: edges.filter((e) => members.has(e.from)),
    };
  });
  return {
    overviewSvg: names.length > 1 ? renderGraphSvg(cachedLayout(overview), labels, { idPrefix: 'g-overview' }) : undefined,
    collections,
    orphans: orphans(graphAgents, edges),
    unresolved: unresolved(edges),
  };
}

/** The layout inputs of the catalog graph page: the overview and one graph per collection. */
export function catalogGraphInputs(agents: readonly Agent[], hrefFor: (slug: string) => string) {
  const graphAgents: GraphAgent[] = agents.map((a) => ({ slug: a.slug, name: a.name, collection: a.collection }));
  const edges = agents.flatMap((a) => a.outgoing);
  const names = [...new Set(graphAgents.map((a) => a.collection))].sort();
  const index = new Map(names.map((c, i) => [c, i]));
  const idOf = (c: string) => `collection-${(index.get(c) ?? -1) + 1}`;
  const overview = collectionOverview(graphAgents, edges, (c) => `#${idOf(c)}`);
  const inputs = names.map((collection) => collectionGraph(collection, graphAgents, edges, hrefFor));
  return { graphAgents, edges, names, idOf, overview, inputs };
}

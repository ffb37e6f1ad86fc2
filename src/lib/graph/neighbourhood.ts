import type { Edge } from '../schema.ts';
import type { GraphAgent, GraphEdgeInput, GraphInput, GraphNodeInput } from './layout.ts';

/** Agents by slug, as a Map or a plain object. */
export type AgentsBySlug = ReadonlyMap<string, GraphAgent> | Readonly<Record<string, GraphAgent>>;

/** Looks an agent up in either form of {@link AgentsBySlug} (own keys only, so `__proto__` is safe). */
export function lookupAgent(agents: AgentsBySlug, slug: string): GraphAgent | undefined {
  if (agents instanceof Map) return agents.get(slug);
  const rec = agents as Readonly<Record<string, GraphAgent>>;
  return Object.hasOwn(rec, slug) ? rec[slug] : undefined;
}

/**
 * Node id of a name that is not in the catalog. Prefixed so an external name can never
 * collide with an agent slug in the same graph.
 */
export function externalId(name: string): string {
  return `external:${name}`;
}

/**
 * The edges without self-loops and duplicates (same from, to and kind): an agent file often
 * mentions the same collaborator in several sentences, which is one relation, not several.
 */
export function uniqueEdges(edges: readonly Edge[]): Edge[] {
  const seen = new Set<string>();
  const out: Edge[] = [];
  for (const e of edges) {
    if (e.from === e.to) continue;
    const key = `${e.from}\u0000${e.to}\u0000${e.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

// One collator for every comparison: `localeCompare(x, 'en')` gives the same order but looks
// the locale up on each call, which is most of the cost of sorting a large graph's edges.
const collate = new Intl.Collator('en').compare;

/** Deterministic edge order, so layouts (and their cache keys) do not depend on input order. */
export function compareEdges(a: GraphEdgeInput, b: GraphEdgeInput): number {
  return collate(a.from, b.from) || collate(a.to, b.to) || collate(a.kind, b.kind);
}

/** Deterministic node order: by label, then id. */
export function compareNodes(a: GraphNodeInput, b: GraphNodeInput): number {
  return collate(a.label, b.label) || collate(a.id, b.id);
}

/**
 * The graph around one agent: the focus agent, every edge it has (outgoing, and incoming
 * from other agents), and the nodes those edges touch. Catalog agents link via `hrefFor`;
 * names not in `nodesBySlug` become external nodes (no link). The focus node has no href,
 * since it is the current page. Neighbours from another collection carry it as `sublabel`.
 */
export function neighbourhood(
  focusSlug: string,
  edges: readonly Edge[],
  nodesBySlug: AgentsBySlug,
  hrefFor: (slug: string) => string,
): GraphInput {
  const focus = lookupAgent(nodesBySlug, focusSlug);
  const nodes = new Map<string, GraphNodeInput>();
  nodes.set(focusSlug, {
    id: focusSlug,
    label: focus?.name ?? focusSlug,
    focus: true,
    ...(focus ? { group: focus.collection } : {}),
  });

  /** The node id for one end of an edge, adding the node on first sight. */
  const endpoint = (slugOrName: string, external: boolean): string => {
    const agent = external ? undefined : lookupAgent(nodesBySlug, slugOrName);
    if (!agent) {
      const id = externalId(slugOrName);
      if (!nodes.has(id)) nodes.set(id, { id, label: slugOrName, external: true });
      return id;
    }
    if (!nodes.has(agent.slug)) {
      const node: GraphNodeInput = { id: agent.slug, label: agent.name, href: hrefFor(agent.slug), group: agent.collection };
      if (focus && agent.collection !== focus.collection) node.sublabel = agent.collection;
      nodes.set(agent.slug, node);
    }
    return agent.slug;
  };

  const out: GraphEdgeInput[] = [];
  for (const e of uniqueEdges(edges)) {
    if (e.from === focusSlug) {
      out.push({ from: focusSlug, to: endpoint(e.to, e.external), kind: e.kind });
    } else if (e.to === focusSlug && !e.external) {
      // An incoming edge's source is always a file in the catalog, but a stale slug is
      // drawn as external rather than producing a dead link.
      out.push({ from: endpoint(e.from, false), to: focusSlug, kind: e.kind });
    }
  }

  const [first, ...rest] = nodes.values();
  return { nodes: [first, ...rest.sort(compareNodes)], edges: out.sort(compareEdges) };
}

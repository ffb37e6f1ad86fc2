import type { Edge, EdgeKind } from '../../src/lib/schema.ts';
import type { GraphAgent, GraphLabels } from '../../src/lib/graph/layout.ts';

/** Shared fixtures for the graph tests. */
export const labels: GraphLabels = {
  title: 'Collaboration graph',
  kinds: {
    'receives-from': 'receives from',
    'hands-to': 'hands to',
    notifies: 'notifies',
    'reviewed-by': 'reviewed by',
    'collaborates-with': 'collaborates with',
  },
  external: 'not in the catalog',
  legend: 'Legend',
  collection: (label) => `Collection: ${label}`,
};

export function edge(from: string, to: string, kind: EdgeKind = 'hands-to', external = false): Edge {
  return { from, to, kind, evidence: `${from} ${kind} ${to}`, external };
}

export const agents: GraphAgent[] = [
  { slug: 'planner', name: 'planner', collection: 'core' },
  { slug: 'coder', name: 'coder', collection: 'core' },
  { slug: 'reviewer', name: 'reviewer', collection: 'quality' },
  { slug: 'tester', name: 'tester', collection: 'quality' },
  { slug: 'docs', name: '文件撰寫者', collection: 'writing' },
];

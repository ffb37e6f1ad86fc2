import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { collectionGraph, collectionOverview } from '../../src/lib/graph/catalog-graph.ts';
import { layoutGraph } from '../../src/lib/graph/layout.ts';
const c = await buildCatalog({ agentsDir: process.argv[2], cacheDir: process.argv[3] });
const agents = c.agents.map((a) => ({ slug: a.slug, name: a.name, collection: a.collection }));
const edges = c.agents.flatMap((a) => a.outgoing);
const names = [...new Set(agents.map((a) => a.collection))].sort();
console.log('collections', names.length, 'edges', edges.length, 'external', edges.filter(e=>e.external).length);
let total = 0; const rows = [];
for (const n of names) {
  const input = collectionGraph(n, agents, edges, (s) => s);
  const t = performance.now(); layoutGraph(input); const ms = performance.now() - t; total += ms;
  rows.push([ms, n, input.nodes.length, input.edges.length]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const r of rows.slice(0, 8)) console.log(r[0].toFixed(0), r[1], r[2], r[3]);
console.log('collections total', total.toFixed(0));
const ov = collectionOverview(agents, edges, (c) => c);
const t = performance.now(); layoutGraph(ov); console.log('overview', ov.nodes.length, ov.edges.length, (performance.now() - t).toFixed(0));

import { buildCatalog } from '/work/main/src/lib/catalog/build-catalog.ts';
const t = performance.now();
const c = await buildCatalog({ agentsDir: '/work/main/bench/tmp/gen-test', cacheDir: false });
console.log('catalog', Math.round(performance.now() - t), c.agents.length);

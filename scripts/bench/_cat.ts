import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
const t = performance.now();
const c = await buildCatalog({ agentsDir: process.argv[2], cacheDir: process.argv[3] ?? false });
console.log('catalog', Math.round(performance.now() - t), 'ms', c.agents.length, c.cache, process.cpuUsage());
console.log(JSON.stringify(c.agents).length);

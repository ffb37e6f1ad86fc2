import { buildCatalog } from './src/lib/catalog/build-catalog.ts';
const c = await buildCatalog({ agentsDir: 'agents' });
console.log(c.cache);

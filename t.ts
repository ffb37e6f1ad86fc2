import { buildCatalog } from './src/lib/catalog/build-catalog.ts';
const c = await buildCatalog({ agentsDir: 'tests/fixtures/e2e-agents', cacheDir: false });
for (const a of c.agents) console.log(a.slug, a.localized.en.responsibilities.length, a.localized.en.checklists.map(c=>c.items.length), a.outgoing.length, a.incoming.length, a.localized.en.sections.map(s=>s.kind[0]).join(''));

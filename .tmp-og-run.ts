import { buildCatalog } from './src/lib/catalog/build-catalog.ts';
import { useTranslations } from './src/lib/i18n/ui.ts';
import { ogJobs } from './src/lib/og/card.ts';
import { makeOgImages } from './src/lib/og/pool.ts';
const c = await buildCatalog({ agentsDir: process.argv[2] ?? 'agents' });
const jobs = ogJobs(c.agents, useTranslations);
console.log(jobs.map(j => j.out).join('\n'));
console.log(await makeOgImages(jobs, { cacheDir: '/tmp/og-test-cache', outDir: '/tmp/og-test-out' }));
console.log(await makeOgImages(jobs, { cacheDir: '/tmp/og-test-cache', outDir: '/tmp/og-test-out' }));

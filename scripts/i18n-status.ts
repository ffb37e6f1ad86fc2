/**
 * Prints the translation status of every agent in every site language.
 *
 *   npm run i18n:status                  aligned table with totals
 *   npm run i18n:status -- --format json the same report as JSON ({ rows, totals })
 *
 * | option          | env        | default  |
 * | --------------- | ---------- | -------- |
 * | --format text|json | –       | text     |
 * | --agents <dir>  | AGENTS_DIR | agents   |
 *
 * Statuses: original (the file's language), converted (OpenCC between the Chinese scripts),
 * translated, outdated (the source changed since the translation), missing. Always exits 0:
 * this is a report, not a check.
 */
import { parseArgs } from 'node:util';
import { buildCatalog } from '../src/lib/catalog/build-catalog.ts';
import { translationStatus, formatStatusTable } from '../src/lib/localize/status.ts';

const { values } = parseArgs({
  options: {
    format: { type: 'string', default: 'text' },
    agents: { type: 'string' },
  },
  strict: false,
});

const agentsDir = String(values.agents ?? process.env.AGENTS_DIR ?? 'agents');
// No cache: the report must reflect the files as they are now, and must not write anything.
const catalog = await buildCatalog({ agentsDir, cacheDir: false });
const report = translationStatus(catalog.agents);

if (values.format === 'json') {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  process.stdout.write(`Translation status of ${catalog.agents.length} agent(s) in ${catalog.agentsDir}\n\n`);
  process.stdout.write(`${formatStatusTable(report)}\n`);
  const broken = catalog.problems.filter((p) => p.code === 'translation-invalid');
  // Invalid translation files are counted as missing above; say why, so they are not a mystery.
  for (const p of broken) process.stdout.write(`note: ${p.file}: ${p.message}\n`);
}

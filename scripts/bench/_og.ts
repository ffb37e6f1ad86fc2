import { Resvg } from '@resvg/resvg-js';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { useTranslations } from '../../src/lib/i18n/ui.ts';
import { ogJobs } from '../../src/lib/og/card.ts';
import { cardSvg, drawableCard } from '../../src/lib/og/render.ts';
import { loadFonts, fontRequests, fontChunks } from '../../src/lib/og/fonts.ts';
import { cardTexts } from '../../src/lib/og/layout.ts';
const c = await buildCatalog({ agentsDir: process.argv[2], cacheDir: process.argv[3] });
const jobs = ogJobs(c.agents, useTranslations).slice(0, 40);
const texts = { 400: '', 700: '' };
for (const j of jobs) { const t = cardTexts(drawableCard(j.card)); texts[400] += t[400]; texts[700] += t[700]; }
const fonts = await loadFonts(fontRequests(texts, fontChunks()));
let s = 0, r = 0, p = 0;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const j of jobs) {
  let t = cpu(); const svg = await cardSvg(j.card, fonts); s += cpu() - t;
  t = cpu(); const img = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render(); r += cpu() - t;
  t = cpu(); img.asPng(); p += cpu() - t;
}
console.log('per image CPU ms: satori', (s / jobs.length).toFixed(1), 'resvg render', (r / jobs.length).toFixed(1), 'png', (p / jobs.length).toFixed(1));

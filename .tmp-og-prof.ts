import { buildCatalog } from './src/lib/catalog/build-catalog.ts';
import { useTranslations } from './src/lib/i18n/ui.ts';
import { ogJobs } from './src/lib/og/card.ts';
import { fontChunks, fontRequests, loadFonts } from './src/lib/og/fonts.ts';
import { cardTexts } from './src/lib/og/layout.ts';
import { drawableCard, cardSvg } from './src/lib/og/render.ts';
import { Resvg } from '@resvg/resvg-js';
const c = await buildCatalog({ agentsDir: 'tests/fixtures/e2e-agents' });
const jobs = ogJobs(c.agents, useTranslations);
let t = performance.now();
const texts = { 400: '', 700: '' };
for (const j of jobs) { const x = cardTexts(drawableCard(j.card)); texts[400] += x[400]; texts[700] += x[700]; }
const req = fontRequests(texts, fontChunks());
console.log('requests', req.length, 'ms', performance.now() - t); t = performance.now();
const fonts = await loadFonts(req);
console.log('load', performance.now() - t, 'bytes', fonts.reduce((s, f) => s + f.data.length, 0));
for (const j of jobs) {
  t = performance.now();
  const svg = await cardSvg(j.card, fonts);
  const t1 = performance.now();
  new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  console.log(j.out, 'satori', (t1 - t).toFixed(0), 'resvg', (performance.now() - t1).toFixed(0), 'svg kB', (svg.length/1024).toFixed(0));
}

/**
 * The benchmark's results file and its readable table. Targets are those of issue 7 at 1,000
 * agents on the 2-core reference machine; at other sizes they are shown for comparison only.
 */

/** One measured build. */
export interface BuildFigures {
  totalSeconds: number;
  /** Left out with `--builds` (profiling runs only). */
  skipped?: boolean;
  cpuSeconds?: number;
  peakMB: number;
  phases?: Record<string, number>;
  /** What the catalog loader said: per-file results processed and read from cache. */
  catalog?: { ms: number; processed: number; fromCache: number; threads: number };
  /** Graph layouts computed before rendering (the rest came from the cache). */
  graphs?: { laidOut: number; total?: number; threads?: number; ms?: number };
  images?: { count: number; drawn: number; cached: number; ms: number };
}

/** The content of `bench/results.json`. */
export interface BenchResults {
  agents: number;
  pages: number;
  machine: {
    cores: number;
    node: string;
    loadAverage: number[];
    /** The machine's speed before and after the builds (`bench/calibrate.ts`): ms for `files`. */
    calibration?: { files: number; msBefore: number; msAfter: number };
  };
  date: string;
  cold: BuildFigures;
  coldCachedImages: BuildFigures;
  warm: BuildFigures;
  memory: { peakMB: number };
  html: { medianGzipKB: number; maxGzipKB: number; medianRawKB: number; maxPage: string };
  js: { agentPageGzipKB: number; files: string[] };
  css: { agentPageGzipKB: number };
  search: { indexKB: number | null; coldMs: number | null; warmMs: number | null; coldIndexKB?: number; codeKB?: number; by?: string; note?: string };
  site: { totalMB: number; files: number };
}

interface Row {
  label: string;
  value: string;
  target?: string;
  ok?: boolean;
}

function s(n: number | undefined): string {
  return n === undefined ? '–' : `${n.toFixed(1)} s`;
}

/** The rows of the table, with the issue's targets. */
export function tableRows(r: BenchResults): Row[] {
  const at1000 = r.agents === 1000;
  const t = (target: string, ok: boolean) => (at1000 ? { target, ok } : { target: `(${target} at 1,000)` });
  // A build left out with --builds has no time to judge.
  const timed = (label: string, b: BuildFigures, target: string, max: number): Row =>
    b.skipped ? { label, value: 'not run (--builds)' } : { label, value: s(b.totalSeconds), ...t(target, b.totalSeconds <= max) };
  const phases = Object.entries(r.cold.phases ?? {})
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  return [
    { label: 'agents / pages', value: `${r.agents} / ${r.pages}` },
    { label: 'cold build', value: s(r.cold.totalSeconds), ...t('≤ 70 s', r.cold.totalSeconds <= 70) },
    { label: '  phases (s)', value: phases },
    { label: '  CPU time', value: s(r.cold.cpuSeconds) },
    timed('cold, image cache kept', r.coldCachedImages, '≤ 35 s', 35),
    timed('warm (one agent edited)', r.warm, '≤ 10 s', 10),
    { label: 'peak memory', value: `${Math.round(r.memory.peakMB)} MB`, ...t('< 2048 MB', r.memory.peakMB < 2048) },
    { label: 'agent page HTML (gzip)', value: `median ${r.html.medianGzipKB} KB, max ${r.html.maxGzipKB} KB`, ...t('median < 15 KB', r.html.medianGzipKB < 15) },
    { label: 'agent page JS (gzip)', value: `${r.js.agentPageGzipKB} KB`, ...t('< 25 KB', r.js.agentPageGzipKB < 25) },
    {
      label: 'search',
      value:
        r.search.coldMs === null
          ? `not measured${r.search.note ? ` (${r.search.note})` : ''}`
          : `cold ${r.search.coldMs} ms, warm ${r.search.warmMs} ms; index ${r.search.coldIndexKB ?? r.search.indexKB} KB for the first query, ${r.search.indexKB} KB for all`,
      ...(r.search.coldMs === null
        ? {}
        : t('warm ≤ 100 ms, first index < 300 KB', (r.search.warmMs ?? Infinity) <= 100 && (r.search.coldIndexKB ?? r.search.indexKB ?? Infinity) < 300)),
    },
    { label: 'site size', value: `${r.site.totalMB} MB in ${r.site.files} files` },
    ...(r.machine.calibration
      ? [{
          label: 'machine speed',
          value: `${r.machine.calibration.files} seed files through the per-file stages: ${r.machine.calibration.msBefore} ms before the builds, ${r.machine.calibration.msAfter} ms after (lower is faster)`,
        }]
      : []),
  ];
}

/** The table as Markdown, for the terminal and the README. */
export function formatTable(r: BenchResults): string {
  const rows = tableRows(r);
  const lines = ['| measure | value | target |', '| --- | --- | --- |'];
  for (const row of rows) {
    const mark = row.ok === undefined ? '' : row.ok ? ' ✓' : ' ✗';
    lines.push(`| ${row.label.trim()} | ${row.value} | ${row.target ?? ''}${mark} |`);
  }
  return lines.join('\n');
}

import type { StampedLine } from './run-build.ts';

/**
 * Splits a build's stamped log into phases. Astro logs fixed lines at the start of its stages:
 * - `startup`: from the command to "Syncing content" (Node, Vite and the config; the catalog
 *   starts when the config is loaded, so part of it falls here);
 * - `content`: the content layer ("Syncing content" → "Synced content"): the rest of the
 *   catalog (parse, extract, localize), the data store;
 * - `prepare`: to "Building static entrypoints" (build-start hooks, emptying the output folder);
 * - `bundle`: Vite's server and client builds, to "generating static routes";
 * - `render`: every page, to the first "✓ Completed" after it;
 * - `afterRender`: the rest, to the end of the process (build-done hooks: search index, images).
 * Integrations that report their own duration add it under their name: `searchIndex` (the
 * index, built in Pagefind's process from the moment the catalog exists, so it overlaps the
 * other phases), `searchAfterPages` (what of it was left when the pages were done, inside
 * `afterRender`) and `images` (drawn on threads from the start of the build, also overlapping).
 */

/** Seconds per phase, in build order. */
export type Phases = Record<string, number>;

const MARKERS: Array<{ phase: string; test: RegExp }> = [
  { phase: 'content', test: /\[content\] Syncing content/ },
  { phase: 'prepare', test: /\[content\] Synced content/ },
  { phase: 'bundle', test: /\[build\] Building static entrypoints/ },
  { phase: 'render', test: /generating static routes/ },
  { phase: 'afterRender', test: /^\S*\s*✓ Completed in/ },
];

/** Integrations' own reports: a log line and the phase name it is filed under. */
const REPORTS: Array<{ phase: string; test: RegExp }> = [
  { phase: 'searchIndex', test: /Search index:.*\((\d+) ms;/ },
  { phase: 'searchAfterPages', test: /Search index:.*; (\d+) ms after the pages\)/ },
  { phase: 'images', test: /preview images:.*\((\d+) ms\)/ },
];

/** The phases of a build log (seconds). */
export function parsePhases(lines: readonly StampedLine[], totalSeconds: number): Phases {
  const starts: Array<{ phase: string; t: number }> = [{ phase: 'startup', t: 0 }];
  let next = 0;
  for (const line of lines) {
    const marker = MARKERS[next];
    // Markers come in order; "✓ Completed" also appears before rendering, so order decides.
    if (marker && marker.test.test(line.text)) {
      starts.push({ phase: marker.phase, t: line.t });
      next++;
    }
  }
  const phases: Phases = {};
  starts.forEach((s, i) => {
    phases[s.phase] = round(Math.max(0, (starts[i + 1]?.t ?? totalSeconds) - s.t));
  });
  for (const report of REPORTS) {
    const ms = reportedMs(lines, report.test);
    if (ms !== undefined) phases[report.phase] = round(ms / 1000);
  }
  return phases;
}

/** Milliseconds in the first line matching `test` (its first capture group). */
export function reportedMs(lines: readonly StampedLine[], test: RegExp): number | undefined {
  for (const line of lines) {
    const m = test.exec(line.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

import type { StampedLine } from './run-build.ts';

/**
 * Splits a build's stamped log into phases. Astro logs fixed lines at the start of its stages
 * (content sync, entrypoints, static routes); integrations log their own (`[agent-atlas:…]`,
 * `[pagefind]`…), which start a phase named after them. A phase lasts until the next one starts.
 */

/** Seconds per phase, in build order. */
export type Phases = Record<string, number>;

interface Marker {
  phase: string;
  test: RegExp;
}

const MARKERS: Marker[] = [
  { phase: 'content', test: /\[content\] Syncing content/ },
  { phase: 'types', test: /\[content\] Synced content/ },
  { phase: 'bundle', test: /\[build\] Building static entrypoints/ },
  { phase: 'render', test: /generating static routes/ },
  { phase: 'finish', test: /^\S*\s*✓ Completed in/ },
];

/** A phase name for an integration's log label. */
function integrationPhase(label: string, text: string): string {
  if (/search|pagefind/i.test(label) || /search index|pagefind/i.test(text)) return 'searchIndex';
  if (/og|image/i.test(label) || /preview image/i.test(text)) return 'images';
  return label.replace(/^agent-atlas:?/, '') || label;
}

/** The phases of a build log, seconds each; `startup` is the time before the first marker. */
export function parsePhases(lines: readonly StampedLine[], totalSeconds: number): Phases {
  const starts: Array<{ phase: string; t: number }> = [{ phase: 'startup', t: 0 }];
  let rendering = false;
  for (const line of lines) {
    const marker = MARKERS.find((m) => m.test.test(line.text));
    if (marker) {
      // Only the first "✓ Completed" after the routes ends rendering; Astro prints several.
      if (marker.phase === 'finish' && !rendering) continue;
      rendering = marker.phase === 'render';
      starts.push({ phase: marker.phase, t: line.t });
      continue;
    }
    const label = /^\d\d:\d\d:\d\d \[([^\]]+)\]/.exec(line.text)?.[1];
    if (!label || ['build', 'content', 'types', 'vite', 'WARN', 'ERROR', 'glob-loader'].includes(label)) continue;
    if (/^agent-atlas-(agents|redirects)$/.test(label)) continue;
    // An integration that logs at the end of its work (e.g. "N images (… ms)") gets the time since
    // the previous phase began; one that logs at its start gets the time until the next.
    const phase = integrationPhase(label, line.text);
    if (starts.at(-1)?.phase !== phase && !rendering) starts.push({ phase, t: line.t });
  }
  const phases: Phases = {};
  starts.forEach((s, i) => {
    const end = starts[i + 1]?.t ?? totalSeconds;
    phases[s.phase] = round((phases[s.phase] ?? 0) + Math.max(0, end - s.t));
  });
  return phases;
}

/** Milliseconds an integration reported for itself, e.g. `(1234 ms)` in the images line. */
export function reportedMs(lines: readonly StampedLine[], test: RegExp): number | undefined {
  for (const line of lines) {
    if (!test.test(line.text)) continue;
    const m = /\((\d+) ms\)/.exec(line.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The benchmark script runs end to end on a tiny catalog and writes every field the results file
 * promises. Timings are not asserted (they belong to the benchmark's output, not to tests); the
 * browser part is skipped, the search engineer's tests cover search.
 */

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('npm run bench', () => {
  it('builds a 20-agent catalog three ways and writes results.json with every field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-bench-'));
    const results = path.join(dir, 'results.json');
    try {
      const { stdout } = await run(process.execPath, ['scripts/bench.ts', '--agents', '20', '--no-browser', '--results', results], {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, CI: '1' },
      });
      expect(stdout).toContain('| cold build |');
      const r = JSON.parse(await readFile(results, 'utf8'));
      expect(r.agents).toBe(20);
      // 20 agents × 3 locales, plus home, graph, chooser and 404 pages.
      expect(r.pages).toBeGreaterThanOrEqual(60);
      for (const build of [r.cold, r.coldCachedImages, r.warm]) {
        expect(build.totalSeconds).toBeGreaterThan(0);
        expect(build.peakMB).toBeGreaterThan(0);
      }
      expect(Object.keys(r.cold.phases)).toEqual(expect.arrayContaining(['content', 'render']));
      for (const v of Object.values(r.cold.phases)) expect(typeof v).toBe('number');
      // The cold build processed every file; the warm build only the edited one.
      expect(r.cold.catalog).toMatchObject({ processed: 20, fromCache: 0 });
      expect(r.warm.catalog).toMatchObject({ processed: 1, fromCache: 19 });
      expect(r.memory.peakMB).toBeGreaterThan(0);
      expect(r.html.medianGzipKB).toBeGreaterThan(0);
      expect(r.html.maxGzipKB).toBeGreaterThanOrEqual(r.html.medianGzipKB);
      expect(r.js.agentPageGzipKB).toBeGreaterThan(0);
      expect(r.search).toHaveProperty('indexKB');
      expect(r.search).toHaveProperty('coldMs');
      expect(r.search).toHaveProperty('warmMs');
      // The machine's speed, timed before and after the builds, is in the file and the table.
      expect(r.machine.calibration.files).toBeGreaterThan(0);
      expect(r.machine.calibration.msBefore).toBeGreaterThan(0);
      expect(r.machine.calibration.msAfter).toBeGreaterThan(0);
      expect(stdout).toContain('| machine speed |');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { OG_FOLDER, type OgCard, ogCardKey } from './card.ts';
import { placeImages } from './output.ts';
import type { FolderStats } from '../output/exact-folder.ts';
import { poolThreads, runInWorkers, YOUNG_HEAP_MB } from '../worker-pool.ts';
import { fontChunks, fontRequests } from './fonts.ts';
// Not render.ts: that would load resvg in this thread, before `keepAllocatorMemory` can act.
import { cardTexts, drawableCard } from './layout.ts';
import type { DrawJob } from './worker.ts';

/**
 * Makes the preview images of a build. Each card is cached as `<hash of its data>.png`; a card
 * whose file exists is not drawn again, so a build whose cache is kept draws nothing. The others
 * are drawn by worker threads (`worker-pool.ts`: one per core, two at most), each taking the next
 * card as soon as it is done.
 */

/**
 * Asks resvg's allocator (mimalloc, built into its native module) to keep freed memory for a
 * second instead of 10 ms before giving it back to the system. Every image allocates a few fresh
 * 3 MB pixel buffers; given back after each image, they must be faulted in again for the next,
 * and on this project's virtual machines that costs ~15 ms per image (a third of the drawing).
 * mimalloc reads the setting when the module is loaded, so this runs before any thread loads it;
 * a value the environment already sets is kept.
 */
export function keepAllocatorMemory(env: Record<string, string | undefined> = process.env): void {
  env.MIMALLOC_PURGE_DELAY ??= '1000';
}

/** One image the build needs: a card and where it goes in the output folder. */
export interface OgJob {
  card: OgCard;
  /** Path relative to the output folder, inside its `og/` folder: `og/<card key>.png`. */
  out: string;
}

/** What a run did: drawing, then the output folder (images placed from the cache, already there, others removed). */
export interface OgRunStats extends FolderStats {
  images: number;
  /** Distinct cards drawn now. */
  drawn: number;
  /** Distinct cards found in the cache. */
  cached: number;
  workers: number;
  ms: number;
}

/** Options of {@link makeOgImages}. */
export interface OgRunOptions {
  cacheDir: string;
  outDir: string;
  /** Threads to draw with; default: {@link poolThreads}. */
  workers?: number;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Heap of a drawing thread at most. A thread keeps ~30 MB alive (the parsed fonts) and makes
 * garbage with every card; how far V8 lets the heap grow before it collects the whole of it again
 * depends on this bound. Measured with `--trace-gc` (500 cards, 2 threads): at 384 MB a heap grew
 * only ~1.2× past what a full collection kept, so each thread did one every seven cards or so (70
 * in all) and a card took 33 ms of CPU; at 2 GB it grows ~3× (10 in all): 28 ms a card, and the
 * process's peak 590 → 710 MB. The bound still stops a runaway card from taking all memory.
 */
const DRAW_HEAP_MB = 2048;

/** Draws `cards` into `cacheDir/<key>.png` with a pool of worker threads. */
async function drawAll(cards: Map<string, OgCard>, cacheDir: string, threads: number): Promise<void> {
  const chunks = fontChunks();
  const texts = { 400: '', 700: '' };
  for (const card of cards.values()) {
    const t = cardTexts(drawableCard(card));
    texts[400] += t[400];
    texts[700] += t[700];
  }
  const fonts = fontRequests(texts, chunks);
  keepAllocatorMemory();
  const jobs = [...cards].map(([key, card]): DrawJob => ({ card, file: path.join(cacheDir, `${key}.png`) }));
  const url = new URL('./worker.ts', import.meta.url);
  try {
    await runInWorkers<DrawJob, true>(url, jobs, { threads, workerData: { fonts }, maxHeapMb: DRAW_HEAP_MB, youngHeapMb: YOUNG_HEAP_MB });
  } catch (error) {
    throw new Error(`A preview image could not be drawn: ${(error as Error).message}`);
  }
}

/** Jobs with their cache keys, and what drawing them took. */
export interface DrawnJobs {
  keyed: Array<{ job: OgJob; key: string }>;
  stats: Omit<OgRunStats, 'ms' | keyof FolderStats>;
  /** Time spent finding and drawing, without any wait before the images are placed. */
  ms: number;
}

/** Draws the cards that are not in the cache yet (the costly half; it may run beside the build). */
export async function drawMissing(jobs: readonly OgJob[], options: Omit<OgRunOptions, 'outDir'>): Promise<DrawnJobs> {
  const started = performance.now();
  const keyed = jobs.map((job) => ({ job, key: ogCardKey(job.card) }));
  const distinct = new Map(keyed.map(({ job, key }) => [key, job.card]));
  const missing = new Map<string, OgCard>();
  await Promise.all(
    [...distinct].map(async ([key, card]) => {
      if (!(await exists(path.join(options.cacheDir, `${key}.png`)))) missing.set(key, card);
    }),
  );
  const threads = Math.max(1, Math.min(options.workers ?? poolThreads(), missing.size));
  if (missing.size) {
    await mkdir(options.cacheDir, { recursive: true });
    await drawAll(missing, options.cacheDir, threads);
  }
  return {
    keyed,
    ms: performance.now() - started,
    stats: { images: jobs.length, drawn: missing.size, cached: distinct.size - missing.size, workers: missing.size ? threads : 0 },
  };
}

/**
 * Brings the output's images folder to exactly the drawn images: links (or copies) those it lacks
 * from the cache, and removes the files of cards no page shows any more (the folder is kept
 * between builds).
 */
export async function placeDrawnImages(drawn: DrawnJobs, options: OgRunOptions): Promise<OgRunStats> {
  const started = performance.now();
  // One target per file: pages that share a card share its file, and two links into one target
  // at once would collide.
  const targets = new Map(drawn.keyed.map(({ job, key }) => [path.join(options.outDir, job.out), path.join(options.cacheDir, `${key}.png`)]));
  const placed = await placeImages(targets, path.join(options.outDir, OG_FOLDER));
  return { ...drawn.stats, ...placed, ms: Math.round(drawn.ms + performance.now() - started) };
}

/**
 * Makes every job's image in `outDir`: from the cache when its card was drawn before, else drawn
 * now and cached; and no other file in `outDir/og/`.
 */
export async function makeOgImages(jobs: readonly OgJob[], options: OgRunOptions): Promise<OgRunStats> {
  return placeDrawnImages(await drawMissing(jobs, options), options);
}

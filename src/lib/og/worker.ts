import { threadId, workerData } from 'node:worker_threads';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadFonts, type FontRequest } from './fonts.ts';
import { cardPng } from './render.ts';
import type { OgCard } from './card.ts';
import { serveJobs } from '../worker-pool.ts';

/**
 * A drawing thread of `pool.ts` (a `worker-pool.ts` thread). It loads the fonts named in its
 * `workerData` once (satori parses them on first use and keeps them for the same font list), then
 * draws each card it is sent into the cache file named in the job, through a temporary file so a
 * killed build never leaves half a PNG.
 */

/** One card to draw and the file to write. */
export interface DrawJob {
  card: OgCard;
  file: string;
}

const { fonts: requests } = workerData as { fonts: FontRequest[] };
const fonts = await loadFonts(requests);

/** Folders this thread has made (a cache folder holds many images: one mkdir each, not one per image). */
const made = new Set<string>();

serveJobs(async (job: DrawJob) => {
  const png = await cardPng(job.card, fonts);
  const dir = path.dirname(job.file);
  if (!made.has(dir)) {
    await mkdir(dir, { recursive: true });
    made.add(dir);
  }
  // A thread writes one file at a time.
  const tmp = `${job.file}.${process.pid}.${threadId}.tmp`;
  await writeFile(tmp, png);
  await rename(tmp, job.file);
  return true;
});

import { parentPort, workerData } from 'node:worker_threads';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadFonts, type FontRequest } from './fonts.ts';
import { cardPng } from './render.ts';
import type { OgCard } from './card.ts';

/**
 * A drawing thread of `pool.ts`. It loads the fonts once (satori parses them on first use and
 * keeps them for the same font list), then draws each card it is sent into the cache file named
 * in the message, through a temporary file so a killed build never leaves half a PNG.
 */

/** What the pool sends: a card and the file to write. */
export interface DrawMessage {
  id: number;
  card: OgCard;
  file: string;
}

/** What the thread answers. */
export interface DrawReply {
  id: number;
  ok: boolean;
  error?: string;
}

const { fonts: requests } = workerData as { fonts: FontRequest[] };
const fonts = await loadFonts(requests);

parentPort!.on('message', async (msg: DrawMessage) => {
  try {
    const png = await cardPng(msg.card, fonts);
    await mkdir(path.dirname(msg.file), { recursive: true });
    const tmp = `${msg.file}.${process.pid}.${msg.id}.tmp`;
    await writeFile(tmp, png);
    await rename(tmp, msg.file);
    parentPort!.postMessage({ id: msg.id, ok: true } satisfies DrawReply);
  } catch (error) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: String((error as Error)?.stack ?? error) } satisfies DrawReply);
  }
});
parentPort!.postMessage({ id: -1, ok: true } satisfies DrawReply);

import { parentPort } from 'node:worker_threads';
import { processFile } from './process-file.ts';
import { extractStructure } from '../extract/sections.ts';
import type { TranslationFile } from '../localize/translation-file.ts';
import type { Locale } from '../locales.ts';

/**
 * A thread of the catalog's worker pool (`process-pool.ts`): runs the per-file stages for each
 * file it is sent and answers with the result as JSON text, which the main thread both caches
 * as is and parses, so the result is serialized once.
 */

/** What the pool sends: one file to process. */
export interface ProcessMessage {
  id: number;
  file: string;
  bytes: Uint8Array;
  translations: Partial<Record<Locale, TranslationFile>>;
}

/** What the thread answers. */
export interface ProcessReply {
  id: number;
  json?: string;
  error?: string;
}

parentPort?.on('message', (msg: ProcessMessage) => {
  let reply: ProcessReply;
  try {
    reply = { id: msg.id, json: JSON.stringify(processFile(msg.file, msg.bytes, msg.translations, extractStructure)) };
  } catch (error) {
    reply = { id: msg.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});

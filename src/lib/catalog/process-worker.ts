import { serveJobs } from '../worker-pool.ts';
import { processFile } from './process-file.ts';
import { packProcessed } from './packed-file.ts';
import { extractStructure } from '../extract/sections.ts';
import type { TranslationFile } from '../localize/translation-file.ts';
import type { Locale } from '../locales.ts';

/**
 * A thread of the catalog's worker pool: runs the per-file stages for each file it is sent and
 * answers with the result packed (`packed-file.ts`) as JSON text, which the main thread both
 * caches as is and parses, so the result is serialized once.
 */

/** One file to process. */
export interface ProcessJob {
  file: string;
  bytes: Uint8Array;
  translations: Partial<Record<Locale, TranslationFile>>;
}

serveJobs((job: ProcessJob) => JSON.stringify(packProcessed(processFile(job.file, job.bytes, job.translations, extractStructure))));

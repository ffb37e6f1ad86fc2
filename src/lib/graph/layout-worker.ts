import { serveJobs } from '../worker-pool.ts';
import { cachedSvg } from './cache.ts';
import { layoutGraph, type GraphInput } from './layout.ts';

/**
 * A thread of the graph-layout pool (`prewarm.ts`): lays out each graph it is sent and stores
 * the layout in the graph cache, under the key the pages look it up by (`cachedLayout`).
 */

/** One graph to lay out: its link-free input and the cache folder. */
export interface LayoutJob {
  input: GraphInput;
  cacheDir: string;
}

serveJobs((job: LayoutJob) => {
  cachedSvg({ layout: job.input }, () => JSON.stringify(layoutGraph(job.input)), job.cacheDir);
  return true;
});

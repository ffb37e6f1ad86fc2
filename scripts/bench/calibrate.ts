import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { discoverAgentFiles } from '../../src/lib/catalog/discover.ts';
import { processFile } from '../../src/lib/catalog/process-file.ts';
import { extractStructure } from '../../src/lib/extract/sections.ts';

/** Untimed rounds before timing: V8 keeps optimizing for a few hundred files. */
const WARM_UP_ROUNDS = 10;

/**
 * How fast the machine is at the moment, in the build's own terms: the per-file stages (parse →
 * extract → localize) over the agent files of `agentsDir`, `rounds` times on one thread, after
 * untimed rounds (compilation, OpenCC tables). On a shared VM identical builds differ by a
 * third between runs, CPU seconds included; timed before and after the builds, this tells a slow
 * machine from a slow build when two results files are compared.
 * @returns the milliseconds (lower is faster) and the number of files they cover
 */
export async function calibrate(agentsDir: string, rounds = 20): Promise<{ ms: number; files: number }> {
  const found = await discoverAgentFiles(agentsDir);
  const files = await Promise.all(found.agents.map(async (file) => ({ file, bytes: await readFile(path.join(agentsDir, file)) })));
  const round = () => {
    for (const { file, bytes } of files) processFile(file, bytes, {}, extractStructure);
  };
  for (let i = 0; i < WARM_UP_ROUNDS; i++) round();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) round();
  return { ms: Math.round(performance.now() - started), files: files.length * rounds };
}

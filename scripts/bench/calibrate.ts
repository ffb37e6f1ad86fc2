import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { discoverAgentFiles } from '../../src/lib/catalog/discover.ts';
import { processFile } from '../../src/lib/catalog/process-file.ts';
import { extractStructure } from '../../src/lib/extract/sections.ts';

/** Rounds run; the fastest `rounds` of them count (V8 keeps optimizing for hundreds of files). */
const RUN_ROUNDS = 80;

/**
 * How fast the machine is at the moment, in the build's own terms: the per-file stages (parse →
 * extract → localize) over the agent files of `agentsDir` on one thread, the fastest `rounds` of
 * 80 rounds (the others include compiling, loading the OpenCC tables and other processes' bursts).
 * On a shared VM identical builds differ by a third between runs, CPU seconds included; timed
 * before and after the builds, this tells a slow machine from a slow build when two results
 * files are compared.
 * @returns the milliseconds (lower is faster) and the number of files they cover
 */
export async function calibrate(agentsDir: string, rounds = 20): Promise<{ ms: number; files: number }> {
  const found = await discoverAgentFiles(agentsDir);
  const files = await Promise.all(found.agents.map(async (file) => ({ file, bytes: await readFile(path.join(agentsDir, file)) })));
  const round = () => {
    for (const { file, bytes } of files) processFile(file, bytes, {}, extractStructure);
  };
  const times: number[] = [];
  for (let i = 0; i < Math.max(RUN_ROUNDS, rounds); i++) {
    const started = performance.now();
    round();
    times.push(performance.now() - started);
  }
  const fastest = times.sort((a, b) => a - b).slice(0, rounds);
  return { ms: Math.round(fastest.reduce((a, b) => a + b, 0)), files: files.length * rounds };
}

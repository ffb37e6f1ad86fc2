import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve-static.ts';

const root = mkdtempSync(path.join(tmpdir(), 'serve-static-'));
writeFileSync(path.join(root, 'index.html'), '<p>home</p>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the static server of the benchmarks and end-to-end tests', () => {
  it('serves the folder, and rejects a port already in use instead of crashing the process', async () => {
    const first = await serveStatic(root, 0, '/site/');
    try {
      const { port } = first.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/site/`);
      expect(await res.text()).toBe('<p>home</p>');
      await expect(serveStatic(root, port, '/site/')).rejects.toThrow(`Port ${port} is in use`);
    } finally {
      first.close();
    }
  });
});

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedSvg, cacheKey } from '../../src/lib/graph/cache.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'graph-cache-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('cachedSvg', () => {
  it('returns the cached value on the second call without computing', () => {
    const dir = join(tempDir(), 'does', 'not', 'exist', 'yet');
    let calls = 0;
    const compute = () => `<svg>${++calls}</svg>`;
    expect(cachedSvg({ graph: 'a' }, compute, dir)).toBe('<svg>1</svg>');
    expect(cachedSvg({ graph: 'a' }, compute, dir)).toBe('<svg>1</svg>');
    expect(calls).toBe(1);
    expect(cachedSvg({ graph: 'b' }, compute, dir)).toBe('<svg>2</svg>');
    expect(calls).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('recomputes when the cache file is corrupt', () => {
    const dir = tempDir();
    let calls = 0;
    const compute = () => `<svg>${++calls}</svg>`;
    cachedSvg('k', compute, dir);
    writeFileSync(join(dir, `${cacheKey('k')}.json`), '{"key": "trunc');
    expect(cachedSvg('k', compute, dir)).toBe('<svg>2</svg>');
    writeFileSync(join(dir, `${cacheKey('k')}.json`), JSON.stringify({ key: 'other', value: 'wrong' }));
    expect(cachedSvg('k', compute, dir)).toBe('<svg>3</svg>');
    expect(cachedSvg('k', compute, dir)).toBe('<svg>3</svg>');
  });

  it('still returns the value when the cache dir cannot be created', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    expect(cachedSvg('k', () => 'v', join(file, 'sub'))).toBe('v');
  });
});

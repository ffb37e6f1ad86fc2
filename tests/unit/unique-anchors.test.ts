import { describe, expect, it } from 'vitest';
import { extractedIds, uniqueDefinitionIds } from '../../src/lib/render/unique-anchors.ts';

describe('uniqueDefinitionIds', () => {
  it('prefixes ids an extracted item already uses, and leaves the others', () => {
    const html = '<h2 id="core">Core</h2><h3 id="a">A</h3><p id="p-1">x id="a"</p><li id="b">B</li>';
    expect(uniqueDefinitionIds(html, new Set(['a', 'b']))).toBe('<h2 id="core">Core</h2><h3 id="def-a">A</h3><p id="p-1">x id="a"</p><li id="def-b">B</li>');
  });

  it('never makes a new duplicate', () => {
    const html = '<h3 id="a">A</h3><h3 id="def-a">B</h3>';
    expect(uniqueDefinitionIds(html, new Set(['a']))).toBe('<h3 id="def-a-2">A</h3><h3 id="def-a">B</h3>');
  });

  it('collects fixed section, item and checklist ids', () => {
    const ids = extractedIds({
      responsibilities: [{ id: 'r1', text: 'R', children: [{ id: 'r2', text: 'R2', children: [] }] }],
      checklists: [{ id: 'c', title: 'C', items: [{ id: 'i1', text: 'I', children: [] }] }],
    });
    expect([...ids].sort()).toEqual(['checklist-c', 'checklists', 'collaboration', 'definition', 'description', 'examples', 'i1', 'r1', 'r2', 'responsibilities'].sort());
  });
});

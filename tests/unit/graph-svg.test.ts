import { describe, expect, it } from 'vitest';
import { layoutGraph, type GraphInput } from '../../src/lib/graph/layout.ts';
import { renderGraphSvg, safeHref } from '../../src/lib/graph/svg.ts';
import { labels } from './graph-fixtures.ts';

const input: GraphInput = {
  nodes: [
    { id: 'focus', label: 'planner', focus: true },
    { id: 'evil', label: '<script>alert("x")</script>', href: '/en/agents/evil/?a=1&b="2"' },
    { id: 'coder', label: 'coder', href: '../coder/', group: 'core' },
    { id: 'other', label: 'designer', href: 'https://example.com/designer', group: 'design', sublabel: 'design' },
    { id: 'ghost', label: 'ghost-agent', external: true, href: '/should-not-link/' },
  ],
  edges: [
    { from: 'focus', to: 'evil', kind: 'hands-to' },
    { from: 'focus', to: 'coder', kind: 'receives-from' },
    { from: 'focus', to: 'other', kind: 'reviewed-by' },
    { from: 'focus', to: 'ghost', kind: 'notifies' },
    { from: 'coder', to: 'other', kind: 'collaborates-with', count: 3 },
  ],
};
const svg = renderGraphSvg(layoutGraph(input), labels, { idPrefix: 'p1', primaryGroup: 'core' });

describe('renderGraphSvg', () => {
  it('is an accessible SVG with a title', () => {
    expect(svg).toMatch(/^<svg [^>]*role="group"[^>]*aria-labelledby="p1-t"/);
    expect(svg).toContain('<title id="p1-t">Collaboration graph</title>');
    expect(svg).toContain('viewBox="0 0 ');
  });

  it('escapes labels and hrefs', () => {
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('href="/en/agents/evil/?a=1&amp;b=&quot;2&quot;"');
  });

  it('makes every node with an href a link, and only those', () => {
    const links = [...svg.matchAll(/<a href="([^"]*)" class="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(links.map(([href]) => href).sort()).toEqual(['../coder/', '/en/agents/evil/?a=1&amp;b=&quot;2&quot;', 'https://example.com/designer']);
    expect(links.find(([href]) => href.startsWith('https'))?.[1]).toBe('n n-other');
    expect(svg).toMatch(/<g class="n n-focus">/);
  });

  it('names a collection box as a collection, whether or not its label was shortened', () => {
    const long = 'templates/cli-tool/components/agents/devops-infrastructure (12)';
    const boxes = renderGraphSvg(
      layoutGraph({ nodes: [{ id: 'c1', label: 'design (2)', isCollection: true, href: '#c1' }, { id: 'c2', label: long, isCollection: true }], edges: [] }),
      labels,
    );
    expect(boxes).toMatch(/<a href="#c1" class="n"><title>Collection: design \(2\)<\/title>/);
    expect(boxes).toContain(`<title>Collection: ${long}</title>`);
    expect(svg).not.toContain('<title>Collection');
  });

  it('draws external nodes without a link, with their class', () => {
    expect(svg).not.toContain('should-not-link');
    expect(svg).toMatch(/<g class="n n-ext">(?:(?!<\/g>).)*ghost-agent/);
  });

  it('tells edge kinds apart by class, dash and marker, with a legend', () => {
    for (const kind of ['hands-to', 'receives-from', 'reviewed-by', 'notifies', 'collaborates-with']) {
      expect(svg).toContain(`class="e k-${kind}"`);
      expect(svg).toContain(`<marker id="p1-${kind}"`);
      expect(svg).toContain(`>${labels.kinds[kind as keyof typeof labels.kinds]}</text>`);
    }
    // Signature of what a kind looks like without colour: dash pattern, marker shape, ends.
    const signatures = [...svg.matchAll(/<g class="e k-([^"]*)"([^>]*)>/g)].map(([, kind, attrs]) => {
      const dash = /stroke-dasharray="([^"]*)"/.exec(attrs)?.[1] ?? 'solid';
      const shape = new RegExp(`<marker id="p1-${kind}"[^>]*>(.*?)</marker>`).exec(svg)?.[1];
      expect(shape, kind).toBeTruthy();
      return `${dash}|${shape}|${attrs.includes('marker-start')}`;
    });
    expect(signatures).toHaveLength(5);
    expect(new Set(signatures).size).toBe(5);
    expect(svg).toContain('>Legend</text>');
    expect(svg).toContain(`>${labels.external}</text>`);
    expect(svg).toMatch(/<g class="ec"[^>]*><text[^>]*>3<\/text>/);
  });

  it('keeps coordinates at one decimal and drops unsafe hrefs', () => {
    expect(svg).not.toMatch(/\d\.\d\d/);
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' java\tscript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('../a/')).toBe('../a/');
    const bad = renderGraphSvg(layoutGraph({ nodes: [{ id: 'x', label: 'x', href: 'javascript:alert(1)' }], edges: [] }), labels);
    expect(bad).not.toContain('<a ');
  });

  it('uses per-SVG marker ids and scales large graphs', () => {
    const other = renderGraphSvg(layoutGraph(input), labels, { idPrefix: 'p2' });
    expect(other).toContain('id="p2-hands-to"');
    expect(other).not.toContain('id="p1-');
    const big: GraphInput = {
      nodes: Array.from({ length: 70 }, (_, i) => ({ id: `a${i}`, label: `agent-${i}` })),
      edges: Array.from({ length: 69 }, (_, i) => ({ from: `a${i}`, to: `a${i + 1}`, kind: 'hands-to' as const })),
    };
    expect(renderGraphSvg(layoutGraph(big), labels)).toMatch(/^<svg [^>]*width="100%"/);
  });
});

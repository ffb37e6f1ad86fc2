import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { getViteConfig } from 'astro/config';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseMarkdown } from '../../src/lib/parse/markdown.ts';
import { isSafeUrl, renderMarkdown } from '../../src/lib/render/markdown-html.ts';
import { renderInline } from '../../src/lib/render/inline.ts';
import { processFile } from '../../src/lib/catalog/process-file.ts';
import { extractStructure } from '../../src/lib/extract/sections.ts';
import { agentPageModel } from '../../src/lib/render/page-model.ts';
import { useTranslations } from '../../src/lib/i18n/ui.ts';

/**
 * Nothing from an agent file runs: raw HTML, event handlers, `javascript:` links, iframes and
 * MDX syntax come out as text or not at all, in the body, in front matter values, and in the raw
 * file text the agent page keeps in a `<template>`.
 */

const render = (markdown: string) => renderMarkdown(parseMarkdown(markdown));

/** Every tag of an HTML string with its attributes (the output is well-formed: values are quoted). */
function tags(html: string): Array<{ name: string; attrs: Record<string, string> }> {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: Object.fromEntries([...m[2].matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? ''])),
  }));
}

/** The problems of an HTML string that could run code or load something. */
function dangers(html: string): string[] {
  const out: string[] = [];
  for (const t of tags(html)) {
    if (['script', 'iframe', 'object', 'embed', 'img', 'style', 'link', 'meta', 'base', 'form', 'svg', 'math', 'frame', 'video', 'audio', 'source'].includes(t.name)) out.push(`<${t.name}>`);
    for (const [name, value] of Object.entries(t.attrs)) {
      if (name.startsWith('on')) out.push(`${t.name} ${name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*(javascript|data|vbscript|file):/i.test(value.replace(/&#x?[0-9a-f]+;?/gi, ''))) out.push(`${t.name} ${name}=${value}`);
      if (name === 'style') out.push(`${t.name} style`);
    }
  }
  // A tag-looking string the scanner did not read as a tag (a broken-out attribute) is also a danger.
  const unread = html.replace(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>|<\/[a-zA-Z][\w-]*>/g, '');
  if (unread.includes('<')) out.push(`unparsed "<": ${unread.slice(unread.indexOf('<'), unread.indexOf('<') + 40)}`);
  return out;
}

const HOSTILE_BODY = [
  '<script>alert(1)</script>',
  'Inline <script>alert(1)</script> and <img src=x onerror=alert(1)> and <svg onload=alert(1)>.',
  '<iframe src="https://example.com"></iframe>',
  '<a href="javascript:alert(1)">raw link</a>',
  '<style>body { display: none }</style>',
  '<!-- a comment --><div onclick="alert(1)">div</div>',
  '[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [entity](javascript&#58;alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html,<script>alert(1)</script>) [file](file:///etc/passwd)',
  '<javascript:alert(1)> [ref][bad] [proto](//evil.example/x)',
  '![external](https://example.com/x.png) ![js image](javascript:alert(1)) ![data image](data:image/png;base64,AAAA)',
  '[quote](https://example.com/"onmouseover="alert(1))',
  '{process.exit(1)} and {alert(1)}',
  "import fs from 'fs'",
  'export const x = process.exit(1)',
  '<Component prop={process.exit(1)} />',
  '# Heading "><script>alert(1)</script>',
  '[bad]: javascript:alert(1)',
].join('\n\n');

describe('markdown bodies render to inert HTML', () => {
  const html = render(HOSTILE_BODY);

  it('the checker finds what it looks for, so an empty list means something', () => {
    expect(dangers('<p>x</p><img src="x" onerror="alert(1)"><a href="javascript:x">y</a><div style="x">z</div><b onclick=alert(1)>')).toEqual([
      '<img>',
      'img onerror',
      'a href=javascript:x',
      'div style',
      'unparsed "<": <b onclick=alert(1)>',
    ]);
  });

  it('keeps nothing that could run or load', () => {
    expect(dangers(html)).toEqual([]);
  });

  it('shows raw HTML and MDX syntax as text', () => {
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
    expect(html).toContain('&#x3C;iframe src="https://example.com">&#x3C;/iframe>');
    expect(html).toContain('{process.exit(1)}');
    expect(html).toContain("import fs from 'fs'");
    expect(html).toContain('&#x3C;Component prop={process.exit(1)} />');
  });

  it('keeps safe links and turns images into links to their source', () => {
    expect(tags(html).filter((t) => t.name === 'a').map((t) => t.attrs.href)).toEqual([
      '#',
      'https://example.com/x.png',
      'https://example.com/%22onmouseover=%22alert(1)',
    ]);
    expect(html).toContain('🖼 external');
    expect(html).toContain('js image');
  });

  it('block-level raw HTML becomes a paragraph of text', () => {
    expect(render('<div>\n<script>alert(1)</script>\n</div>')).toMatchInlineSnapshot(`
      "<p>&#x3C;div>
      &#x3C;script>alert(1)&#x3C;/script>
      &#x3C;/div></p>"
    `);
    expect(render('<br>').trim()).toBe('<br>');
  });

  it('code blocks keep hostile text as code, and may scroll by keyboard', () => {
    expect(render('```html\n<script>alert(1)</script>\n```')).toMatchInlineSnapshot(`
      "<pre tabindex="0"><code class="language-html">&#x3C;script>alert(1)&#x3C;/script>
      </code></pre>"
    `);
  });

  it.each([
    ['javascript:alert(1)', false],
    [' JAVASCRIPT:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['java\u0000script:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['//evil.example/', false],
    ['https://example.com/', true],
    ['mailto:a@example.com', true],
    ['#section', true],
    ['/agents/x/', true],
    ['../x.md', true],
    ['backend-developer.md', true],
  ])('isSafeUrl(%j) is %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });

  it('descriptions render inline, inert', () => {
    const html = renderInline('Use <script>alert(1)</script> with [x](javascript:alert(1)) and <img src=x onerror=alert(1)>.');
    expect(dangers(html)).toEqual([]);
    expect(html).toMatchInlineSnapshot(`"Use &#x3C;script>alert(1)&#x3C;/script> with x and &#x3C;img src=x onerror=alert(1)>."`);
  });
});

const HOSTILE_FILE = readFileSync(new URL('../fixtures/e2e-agents/hostile/hostile-agent.md', import.meta.url), 'utf8');

describe('the hostile fixture, through the whole per-file pipeline', () => {
  const result = processFile('hostile/hostile-agent.md', new TextEncoder().encode(HOSTILE_FILE), {}, extractStructure);
  const agent = result.agent!;

  it('is built, with its front matter values kept as plain text', () => {
    expect(agent.name).toBe('hostile-agent');
    expect(agent.tools).toEqual(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'Read']);
    expect(agent.model).toBe('<iframe src="https://example.com"></iframe>');
    expect(agent.color).toBe('red" onmouseover="alert(1)');
    expect(agent.extra).toEqual({ homepage: 'javascript:alert(1)' });
  });

  it('renders every locale inert', () => {
    for (const [locale, content] of Object.entries(agent.localized)) {
      expect(dangers(content.html), locale).toEqual([]);
      expect(dangers(content.summaryHtml), locale).toEqual([]);
      expect(content.summaryHtml, locale).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    }
  });
});

describe('the agent header component (Astro) escapes every value, and the raw text cannot break out', () => {
  let server: ViteDevServer;
  let cacheDir: string;
  let html: string;
  const agentProps = () => {
    const agent = { ...processFile('hostile/hostile-agent.md', new TextEncoder().encode(HOSTILE_FILE), {}, extractStructure).agent!, slug: 'hostile-agent', outgoing: [], incoming: [] };
    return agent;
  };

  beforeAll(async () => {
    // Astro's own Vite setup compiles the .astro component; its caches go to a temp folder.
    cacheDir = await mkdtemp(path.join(tmpdir(), 'atlas-sanitize-'));
    const viteConfig = getViteConfig({
      server: { middlewareMode: true, hmr: false, watch: null },
      appType: 'custom',
      logLevel: 'silent',
      cacheDir,
      optimizeDeps: { noDiscovery: true, include: [] },
    }) as unknown as (env: { command: string; mode: string }) => Promise<object>;
    server = await createServer((await viteConfig({ command: 'serve', mode: 'test' })) as never);
    const { default: AgentHeader } = await server.ssrLoadModule('/src/components/AgentHeader.astro');
    const container = await AstroContainer.create();
    const agent = agentProps();
    const t = useTranslations('en');
    html = await container.renderToString(AgentHeader, {
      props: { agent, model: agentPageModel(agent, 'en', t, '/'), t, rawUrl: 'https://example.org/raw/hostile-agent.md', raw: agent.raw },
    });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('has no element or attribute from the file', () => {
    expect(html).toContain('<template id="raw-agent">');
    expect(dangers(html)).toEqual([]);
  });

  it('keeps the whole raw file inside <template>, escaped, so "</template><script>" stays text', () => {
    const start = html.indexOf('<template id="raw-agent">') + '<template id="raw-agent">'.length;
    const inner = html.slice(start, html.indexOf('</template>', start));
    expect(inner).not.toMatch(/<[a-z/]/i);
    const decoded = inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(decoded).toBe(agentProps().raw);
    expect(decoded).toContain('</template><script>alert(1)</script>');
  });

  it('escapes the front matter values it shows', () => {
    expect(html).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(html).toContain('&lt;iframe src=&quot;https://example.com&quot;&gt;&lt;/iframe&gt;');
    expect(html).toContain('data-color="red&quot; onmouseover=&quot;alert(1)"');
  });
});

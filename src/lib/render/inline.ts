import { parseMarkdown } from '../parse/markdown.ts';
import { renderMarkdown } from './markdown-html.ts';

/**
 * Renders a short markdown text (a description) to safe HTML. A single paragraph is unwrapped
 * so that it can sit inside other markup.
 * @example renderInline('**Bold** text') // '<strong>Bold</strong> text'
 */
export function renderInline(markdown: string): string {
  const html = renderMarkdown(parseMarkdown(markdown)).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1].includes('<p>') ? single[1] : html;
}

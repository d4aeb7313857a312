/**
 * The card editor's Markdown subset: emphasis, lists, line breaks, sub- and superscript (`H~2~O`, `x^2^`).
 * markdown-it's `zero` preset with only these rules switched on: raw HTML, links, images, headings, tables
 * and code stay the text they are. Its output still passes `sanitize`.
 */
import MarkdownIt from 'markdown-it';
import sub from 'markdown-it-sub';
import sup from 'markdown-it-sup';

const markdown = new MarkdownIt('zero', { breaks: true })
  .enable(['list', 'newline', 'emphasis', 'escape', 'entity'])
  .use(sub)
  .use(sup);

/** The HTML of a Markdown card text (not yet sanitized). */
export function markdownToHtml(text: string): string {
  return markdown.render(text);
}

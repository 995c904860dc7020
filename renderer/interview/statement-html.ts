import DOMPurify from 'dompurify';
import { statementToHtml } from '../../common/statement-markdown';

// The statement as the page shows it: markdown-it already escapes raw HTML and refuses unsafe
// links (common/statement-markdown.ts); DOMPurify runs over its output as a second wall, so a
// future markdown-it option or plugin cannot put live HTML from a package into the DOM.

const ALLOWED_ATTR = ['href', 'title', 'class', 'rel', 'target', 'src', 'alt', 'start'];

export function safeStatementHtml(markdown: string): string {
  return DOMPurify.sanitize(statementToHtml(markdown), { ALLOWED_ATTR, ALLOW_DATA_ATTR: false, FORBID_TAGS: ['style', 'form', 'input'] });
}

// Problem statements as HTML (issue 9). Statements come from strangers' packages, so raw HTML in
// them is never passed through: markdown-it runs with `html: false` (tags are escaped as text) and
// its link check refuses javascript:, vbscript:, file: and data: (but images) URLs. The renderer
// still runs the result through DOMPurify (renderer/interview/statement-html.ts) as a second wall;
// the report (main) uses this output as it is, since it is already free of raw HTML.
//
// LaTeX is not rendered (no LaTeX renderer is bundled, and a renderer would be more attack
// surface): `$…$` and `$$…$$` are shown as source in a span styled as math.
import MarkdownIt, { type StateInline } from 'markdown-it';

type Markdown = InstanceType<typeof MarkdownIt>;

export const MATH_CLASS = 'math-source';
const MATH_TITLE = 'LaTeX, shown as source';

/** markdown-it inline rule: `$$…$$` or `$…$` on one line become a math token holding the source. */
function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(start + 1) === 0x24;
  const open = display ? 2 : 1;
  const close = src.indexOf(display ? '$$' : '$', start + open);
  // "$5 and $6" is money, not math: an empty body or one that starts with a space is left alone.
  if (close < 0 || close === start + open || /\s/.test(src[start + open] ?? '')) return false;
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'span', 0);
    token.content = src.slice(start, close + open);
  }
  state.pos = close + open;
  return true;
}

function createRenderer(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.before('escape', 'math', mathInline);
  const math = (display: boolean) => (tokens: { content: string }[], idx: number) =>
    `<span class="${MATH_CLASS}${display ? ' math-display' : ''}" title="${MATH_TITLE}">${md.utils.escapeHtml(tokens[idx]!.content)}</span>`;
  md.renderer.rules.math_inline = math(false);
  md.renderer.rules.math_display = math(true);
  // Links leave the app: a new window (denied in Electron and opened externally after a check).
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    tokens[idx]!.attrSet('target', '_blank');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

let renderer: Markdown | null = null;

/** A statement's Markdown as HTML without any raw HTML from the package; LaTeX kept as source. */
export function statementToHtml(markdown: string): string {
  renderer ??= createRenderer();
  return renderer.render(markdown);
}

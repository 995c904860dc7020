import { describe, expect, it } from 'vitest';
import { MATH_CLASS, statementToHtml } from './statement-markdown';

// Statements come from strangers' packages: nothing in one may become live HTML (issue 9).
describe('statementToHtml', () => {
  it('renders Markdown: headings, code, lists, emphasis', () => {
    const html = statementToHtml('# Two sum\n\nGiven *n* numbers:\n\n- one\n- two\n\n```\n1 2\n```\n');
    expect(html).toContain('<h1>Two sum</h1>');
    expect(html).toContain('<em>n</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<pre><code>1 2\n</code></pre>');
  });

  it('escapes a script tag instead of passing it through', () => {
    const html = statementToHtml('Hello <script>alert(1)</script> world\n\n<script>\nalert(2)\n</script>\n');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes an img with onerror, inline and as a block', () => {
    const html = statementToHtml('x <img src=x onerror="alert(1)"> y\n\n<img src=x onerror=alert(2)>\n');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=');
  });

  it('refuses javascript:, vbscript: and data: links but keeps https links, opened in a new window', () => {
    const html = statementToHtml('[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) [d](data:text/html,<b>x</b>) [e](https://example.com/x)');
    expect(html).not.toMatch(/href="(javascript|vbscript|data):/i);
    expect(html).toContain('<a href="https://example.com/x" rel="noopener noreferrer" target="_blank">e</a>');
    expect(html).toContain('[a](javascript:alert(1))');
  });

  it('refuses a javascript: image source and an autolink', () => {
    const html = statementToHtml('![x](javascript:alert(1)) <javascript:alert(1)>');
    expect(html).not.toMatch(/src="javascript:/i);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('shows LaTeX as source in a math span, escaped, and leaves money alone', () => {
    const html = statementToHtml('Let $1 \\le n \\le 10^5$ and $$\\sum_{i} a_i < 2^{31}$$; it costs $ 5 or $6.');
    expect(html).toContain(`<span class="${MATH_CLASS}" title="LaTeX, shown as source">$1 \\le n \\le 10^5$</span>`);
    expect(html).toContain(`<span class="${MATH_CLASS} math-display" title="LaTeX, shown as source">$$\\sum_{i} a_i &lt; 2^{31}$$</span>`);
    expect(html).toContain('it costs $ 5 or $6.');
  });

  it('keeps HTML inside math escaped', () => {
    const html = statementToHtml('$<img src=x onerror=alert(1)>$');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml } from './safe-html.ts';

describe('html', () => {
  it('escapes every value, in text and in quoted attributes', () => {
    const title = `<script>alert("x")</script> & 'more'`;
    expect(String(html`<h3 title="${title}">${title}</h3>`)).toBe(
      '<h3 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;</h3>',
    );
  });

  it('keeps markup made by html, joins lists of it and prints nothing for absent values', () => {
    const items = ['<a>', 'b'].map((text) => html`<li>${text}</li>`);
    expect(String(html`<ul>${items}</ul>${null}${undefined}${false}${3}`)).toBe(
      '<ul><li>&lt;a&gt;</li><li>b</li></ul>3',
    );
  });

  it('takes direction overrides, embeddings and isolates out of text', () => {
    expect(escapeHtml('abc\u202Egpj.exe \u2066x\u2069')).toBe('abcgpj.exe x');
  });

  it('cannot be made from a string without html', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a caller going around the types, on purpose
    expect(() => new (SafeHtml as any)(Symbol('trusted'), '<script>')).toThrow(TypeError);
  });
});

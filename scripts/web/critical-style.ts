import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Comments out, runs of white space to one space, none around punctuation. */
export function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * Puts the given stylesheets into index.html as one `<style>` element, so the page paints its
 * skeleton as soon as it arrives rather than a round trip later, when its stylesheet has. The
 * server allows exactly that element by its hash (kernel `inlineStyleHashes`): the policy still
 * refuses every other inline style.
 */
export function inlineCriticalStyle(files: readonly string[]): Plugin {
  return {
    name: 'plaza-critical-style',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const css = files.map((file) => compactCss(readFileSync(file, 'utf8'))).join('');
        return {
          html: stylesheetsAfterContent(html),
          tags: [{ tag: 'style', children: css, injectTo: 'head' }],
        };
      },
    },
  };
}

/**
 * Moves the app's stylesheet links from the head to the end of the body. In the head they hold
 * back the first paint until they arrive; at the end, the skeleton above them paints with the
 * inline style at once, while the app's scripts still wait for the stylesheet before they run
 * (a browser runs no script while a style sheet before it is loading), so React never renders
 * unstyled.
 */
export function stylesheetsAfterContent(html: string): string {
  const links: string[] = [];
  const rest = html.replace(/\s*<link rel="stylesheet"[^>]*>/g, (link) => {
    links.push(link.trim());
    return '';
  });
  return links.length ? rest.replace('</body>', `  ${links.join('\n    ')}\n  </body>`) : html;
}

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { inlineCriticalStyle } from '../../scripts/web/critical-style.ts';
import { precompress } from '../../scripts/web/precompress.ts';

/**
 * The libraries every page needs in one chunk of their own: they change less often than the
 * app, so a release leaves them cached, and one file instead of four keeps the first visit
 * within a browser's six connections (on a slow network each extra wave costs a round trip).
 * opencc's table is only ever imported lazily (Simplified readers of the card app), so its
 * chunk stays off the first load.
 */
const VENDOR_GROUPS = [
  {
    name: 'vendor',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|use-sync-external-store|@tanstack)[\\/]/,
    priority: 40,
  },
  { name: 'vendor-opencc', test: /node_modules[\\/]opencc-js[\\/]/, priority: 30 },
];

export default defineConfig({
  plugins: [
    react(),
    // The skeleton's rules, the server-rendered first cards' (cards.css is also in the app's
    // stylesheet: the same rules twice change nothing) and the tokens they use, inline: the
    // first paint waits for no file.
    inlineCriticalStyle([
      fileURLToPath(new URL('src/styles/tokens.css', import.meta.url)),
      fileURLToPath(new URL('src/styles/skeleton.css', import.meta.url)),
      fileURLToPath(new URL('src/styles/cards.css', import.meta.url)),
      fileURLToPath(new URL('src/styles/first-screen.css', import.meta.url)),
    ]),
    precompress(),
  ],
  server: { proxy: { '/api': 'http://localhost:3000', '/media': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which files the first page loads (the size test reads it).
    manifest: true,
    // One stylesheet for every page (≈ 7 kB brotli): it sits after the content in index.html
    // (scripts/web/critical-style.ts), and a page's own stylesheet added later to the head would
    // come before it in the cascade and lose every tie it won when it came last.
    cssCodeSplit: false,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_GROUPS } } },
  },
});

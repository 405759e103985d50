import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Libraries in chunks of their own: they change less often than the app, so a release leaves
 * them cached, and no chunk grows past Vite's 500 kB warning. opencc's table is only ever
 * imported lazily (Simplified readers of the card app), so its chunk stays off first load.
 */
const VENDOR_GROUPS = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  { name: 'vendor-router', test: /node_modules[\\/]react-router[\\/]/, priority: 30 },
  { name: 'vendor-i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 30 },
  { name: 'vendor-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
  { name: 'vendor-opencc', test: /node_modules[\\/]opencc-js[\\/]/, priority: 30 },
];

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000', '/media': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_GROUPS } } },
  },
});

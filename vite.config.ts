import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Chunks whose functions nearly all run at launch (React; AG Grid, while the grid is created):
 * V8's compile hint makes Chromium compile them whole on a background thread while they load,
 * instead of each function on the main thread at its first call. That was ~60 ms of the grid's
 * creation, in the task that blocks the page longest (bench: `gridFloor`).
 */
const EAGER_CHUNKS = new Set(['react', 'grid']);
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Regulars 回头客',
        short_name: '回头客',
        description:
          'A customer table that works like Excel and thinks like a CRM — offline, in your browser.',
        theme_color: '#1f6f5c',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '.',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Must be the file's first line.
        postBanner: (chunk) => (EAGER_CHUNKS.has(chunk.name) ? COMPILE_HINT : ''),
        // React first: a group takes its modules' dependencies along, and with AG Grid's group
        // first React landed in the grid chunk, so the app loaded and ran all of AG Grid at launch.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-i18next)[\\/]/,
              priority: 20,
            },
            { name: 'grid', test: /node_modules[\\/]ag-grid/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/bench/**', 'node_modules/**'],
  },
});

import type { Plugin, Rolldown } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The code that runs when the app starts (its entry, the grid's chunk, and what they import)
 * carries V8's compile hint: Chromium then compiles it whole on a background thread while it
 * loads, instead of each function on the main thread at its first call — ~60 ms of the grid's
 * creation alone (bench: `gridFloor`). Not the workers: there the hint moves nothing off the
 * thread and compiles all of HyperFormula, most of which never runs.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const LAUNCH_MODULES = ['/index.html', '/src/ui/grid/DataGrid.tsx'];

function compileHints(): Plugin {
  return {
    name: 'regulars:compile-hints',
    apply: 'build',
    // After Vite's own, which puts a table of the dynamic imports at the top of a chunk.
    generateBundle: { order: 'post', handler: (_options, bundle) => addCompileHints(bundle) },
  };
}

function addCompileHints(bundle: Rolldown.OutputBundle): void {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const queue = chunks.filter((c) => LAUNCH_MODULES.some((m) => c.facadeModuleId?.endsWith(m)));
  const hinted = new Set<string>();
  for (let chunk = queue.pop(); chunk; chunk = queue.pop()) {
    if (hinted.has(chunk.fileName)) continue;
    hinted.add(chunk.fileName);
    // Must be the file's first line.
    chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
    for (const file of chunk.imports) {
      const imported = byFile.get(file);
      if (imported) queue.push(imported);
    }
  }
}

export default defineConfig({
  plugins: [
    react(),
    compileHints(),
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

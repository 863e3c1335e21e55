/**
 * Build for `npm run bench`: the normal app plus bench.html (the seeding/timing page), served
 * from one origin so both share IndexedDB; output goes to dist-bench (or BENCH_OUT_DIR, so two
 * people can bench at once), never into dist.
 */
import { mergeConfig } from 'vite';
import base from './vite.config.ts';

export default mergeConfig(base, {
  build: {
    outDir: process.env.BENCH_OUT_DIR ?? 'dist-bench',
    emptyOutDir: true,
    // BENCH_NO_MINIFY=1: readable function names in CPU profiles.
    minify: process.env.BENCH_NO_MINIFY !== '1',
    rollupOptions: {
      input: { main: 'index.html', bench: 'bench.html' },
    },
  },
});

import { defineConfig } from 'vite';

// JSX is compiled by Vite's own esbuild (automatic runtime); no React plugin is needed for a production build.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: `${import.meta.dirname}/../dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    rollupOptions: {
      // libraries mark React Server Components with "use client"; a browser bundle has no use for it
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});

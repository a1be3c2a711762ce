import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the embeddable widget as ONE classic script (`iife`), because host pages load it with a
 * plain `<script async>` tag and `document.currentScript` only exists for classic scripts.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: '../dist/widget',
    emptyOutDir: true,
    minify: true,
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./src/main.ts', import.meta.url)),
      name: 'CentraalWidget',
      formats: ['iife'],
      fileName: () => 'centraal-widget.js',
    },
  },
});

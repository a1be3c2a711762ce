import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The call code as a second classic script (`/widget-call.js`), loaded by the widget only when a
 * customer calls. Built after the widget into the same folder (so it must not empty it).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: '../dist/widget',
    emptyOutDir: false,
    minify: true,
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./src/call/main.ts', import.meta.url)),
      name: 'CentraalWidgetCall',
      formats: ['iife'],
      fileName: () => 'centraal-widget-call.js',
    },
  },
});

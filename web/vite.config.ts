import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The Centraal server the dev server proxies to (`npm run dev` of the API on port 3201 by default). */
const apiTarget = process.env.CENTRAAL_API_URL ?? 'http://127.0.0.1:3201';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    // The Host header is kept (no changeOrigin) so the server's same-origin check on /ws passes.
    proxy: {
      '/api': { target: apiTarget },
      '/ws': { target: apiTarget, ws: true },
    },
  },
});

/**
 * The dashboard's Vite config. `npm run dashboard` (serve.ts) starts the gateway and points the
 * `/graphql` proxy at it; a bare `vite` here proxies to the default `npm start` gateway. Proxying
 * keeps the browser on one origin, so the gateway needs no CORS entry for the dashboard.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const DEFAULT_GATEWAY = 'http://127.0.0.1:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': { target: DEFAULT_GATEWAY } },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/graphql': { target: DEFAULT_GATEWAY } },
  },
  // Pre-bundled at start-up, so the first page load does not discover them and reload itself.
  optimizeDeps: {
    include: ['react', 'react/jsx-dev-runtime', 'react-dom/client', '@tanstack/react-query'],
  },
});

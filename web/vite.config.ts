// Vite configuration: builds the SPA into web/dist (served by `egov serve --web`), and in
// development proxies the API to a local egov (default http://127.0.0.1:8080; override
// with EGOV_DEV_API=http://host:port).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.EGOV_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  // Absolute asset URLs, so deep links such as /tra-cuu/{code} load /assets/… correctly.
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget, changeOrigin: false },
    },
  },
});

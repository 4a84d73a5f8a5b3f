// Build of the web app (web/ → web/dist), served by the server at `/`. The dev server proxies /api to a running
// `sanxiang serve` (SANXIANG_API, default http://127.0.0.1:8080) so the UI can be worked on with live data.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        // antd and echarts are large and change rarely: separate chunks keep the app's own chunk small
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          // the roster's Excel export loads it only when asked for
          if (id.includes('node_modules/exceljs')) return 'exceljs';
          if (id.includes('node_modules/')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.SANXIANG_API ?? 'http://127.0.0.1:8080' },
  },
});

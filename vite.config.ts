import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { fontFacesPlugin } from './ui/font-faces.ts';

const root = import.meta.dirname;

/** One multi-page build of every app; the server serves `dist/apps`. */
export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  css: { postcss: { plugins: [fontFacesPlugin()] } },
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist/apps'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    rollupOptions: {
      input: {
        kiosk: resolve(root, 'kiosk/index.html'),
        display: resolve(root, 'display/index.html'),
        phone: resolve(root, 'display/phone.html'),
        counter: resolve(root, 'counter/index.html'),
        admin: resolve(root, 'admin/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});

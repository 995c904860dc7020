import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, 'renderer');

// The renderer, bundled with Monaco and its workers: the app never loads code from a CDN.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // y-monaco imports 'monaco-editor/esm/vs/editor/editor.api.js', which monaco-editor's
      // exports map (./* -> ./esm/vs/*) would resolve to esm/vs/esm/vs/…: point it back.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
    ],
  },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
  },
  worker: { format: 'es' },
});

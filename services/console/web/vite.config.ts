import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console's pages, built into web/dist, which the gateway serves.
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
});

import { defineConfig } from 'vite';

// Served by server.js (or `npm start`) next to the gateway; in `vite dev`, /graphql and
// /dev/token go to the gateway on GATEWAY_URL (default http://127.0.0.1:4000).
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  build: { outDir: 'dist', target: 'es2022', sourcemap: false, reportCompressedSize: false },
  server: { proxy: { '/graphql': gateway, '/dev/token': gateway } },
});

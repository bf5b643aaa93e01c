import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The SPA lives in web/; the server serves web/dist with an SPA fallback.
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
});

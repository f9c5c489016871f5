// Vite dev server for the web client; /api is proxied to the Express server.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      // ok: insecure-llm-transport
      "/api": "http://localhost:3000",
    },
  },
});

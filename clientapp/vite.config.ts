/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The page is rendered by the server (Razor), which finds the hashed bundle through
// .vite/manifest.json; so the entry is the TypeScript module itself, not an index.html.
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: {
    outDir: "../src/HybridSpa.Web/wwwroot/app",
    emptyOutDir: true,
    manifest: true,
    // The server's CSP allows only nonce'd scripts; keep everything in external files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    // One entry, one chunk: React DOM (~60 kB gzip) and msal-browser + msal-common (~80 kB gzip) are
    // nearly all of it, and every page needs both at once, so splitting would only add requests.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: "src/main.tsx",
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    unstubGlobals: true,
  },
});

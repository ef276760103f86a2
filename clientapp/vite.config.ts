/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { aspNetCoreDevelopmentCertificate } from "./devServerCertificate";

/** Where `npm run dev` serves; the server's Spa:DevServerUrl (appsettings.Development.json) points here. */
const DEV_SERVER_PORT = 5173;

// The page is rendered by the server (Razor), which finds the hashed bundle through
// .vite/manifest.json; so the entry is the TypeScript module itself, not an index.html.
export default defineConfig(({ command, mode }) => ({
  base: "/app/",
  plugins: [react()],
  // `npm run dev`: the Razor page (https://localhost:5001) loads @vite/client and src/main.tsx from here when it answers,
  // so edits reach the page through hot module replacement (README: the optional third command).
  server:
    command === "serve" && mode !== "test"
      ? {
          port: DEV_SERVER_PORT,
          strictPort: true,
          https: aspNetCoreDevelopmentCertificate(),
          origin: `https://localhost:${DEV_SERVER_PORT}`,
        }
      : {},
  build: {
    outDir: "../src/HybridSpa.Web/wwwroot/app",
    emptyOutDir: true,
    manifest: true,
    // The server's CSP allows only nonce'd scripts; keep everything in external files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    // Two chunks: the entry (MSAL and the start-up that sends the token request) and the UI it imports once the
    // request is on its way (React DOM, msal-react, the components); the server preloads both (modulepreload).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: "src/main.tsx",
      output: {
        // Content-hashed names marked .immutable: the server's build serves them with Cache-Control: immutable
        // (src/HybridSpa.Web/HybridSpa.Web.csproj).
        entryFileNames: "assets/[name]-[hash].immutable.js",
        chunkFileNames: "assets/[name]-[hash].immutable.js",
        assetFileNames: "assets/[name]-[hash].immutable[extname]",
      },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    unstubGlobals: true,
  },
}));

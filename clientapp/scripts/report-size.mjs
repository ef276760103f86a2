// Prints the gzipped size of the JavaScript the page loads up front: the manifest entry and its static imports.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ENTRY = "src/main.tsx";
const outDir = join(dirname(fileURLToPath(import.meta.url)), "../../src/HybridSpa.Web/wwwroot/app");
const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8"));

if (!manifest[ENTRY]) {
  console.error(`report-size: the manifest has no entry "${ENTRY}".`);
  process.exit(1);
}

const initialFiles = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initialFiles.has(chunk.file)) return;
  initialFiles.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(ENTRY);

let raw = 0;
let gzip = 0;
for (const file of initialFiles) {
  const bytes = readFileSync(join(outDir, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kB = (bytes) => (bytes / 1000).toFixed(1);
const css = manifest[ENTRY].css ?? [];
console.log(`initial JS: ${kB(gzip)} kB gzip (${kB(raw)} kB raw) in ${[...initialFiles].join(", ")}`);
console.log(`entry "${ENTRY}" → /app/${manifest[ENTRY].file}${css.length ? `, CSS: ${css.map((f) => `/app/${f}`).join(", ")}` : ""}`);

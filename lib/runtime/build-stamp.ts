import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// `npm start` builds when there is no build or the sources changed since the last one, so a `git pull` followed by
// `npm start` never serves a stale build. Hashing ~200 source files takes a few milliseconds.
const INPUTS = [
  "app",
  "lib",
  "public",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "instrumentation.ts",
  "proxy.ts",
];

function addPath(hash: ReturnType<typeof createHash>, root: string, path: string): void {
  const full = join(root, path);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const entry of readdirSync(full).sort()) {
      if (entry.endsWith(".test.ts") || entry === "node_modules") continue;
      addPath(hash, root, join(path, entry));
    }
    return;
  }
  hash.update(path);
  hash.update(readFileSync(full));
}

export function sourceStamp(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) addPath(hash, root, input);
  return hash.digest("hex");
}

const stampPath = (root: string) => join(root, ".next", "sportello-build-stamp");

export function buildIsCurrent(root: string): boolean {
  if (!existsSync(join(root, ".next", "BUILD_ID")) || !existsSync(stampPath(root))) return false;
  return readFileSync(stampPath(root), "utf8").trim() === sourceStamp(root);
}

export function writeBuildStamp(root: string, stamp: string): void {
  writeFileSync(stampPath(root), `${stamp}\n`);
}

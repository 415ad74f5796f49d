// Meilisearch for a one-off script: MEILI_URL when set, else the data dir's embedded server (already running for the
// app, or started here for the duration). Used by reindex, restore and the other one-off scripts.
import { join } from "node:path";
import { dataDir, getEnv, resetEnvCache } from "@/lib/env";
import { loadOrCreateSecrets } from "@/lib/runtime/secrets";
import { type EmbeddedMeili, resolveMeiliBinary, startEmbeddedMeili } from "@/lib/search/embedded";

/** Points MEILI_URL/MEILI_MASTER_KEY at a running Meilisearch; returns a stop function for one started here. */
export async function ensureMeilisearch(): Promise<() => Promise<void>> {
  const env = getEnv();
  if (env.MEILI_URL) return async () => {};
  let embedded: EmbeddedMeili | null = null;
  const secrets = loadOrCreateSecrets(dataDir());
  const key = env.MEILI_MASTER_KEY ?? secrets.meiliMasterKey;
  const url = `http://127.0.0.1:${env.MEILI_PORT}`;
  const running = await fetch(`${url}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (!running) {
    const binary = await resolveMeiliBinary(env.MEILI_BIN);
    embedded = await startEmbeddedMeili({
      binary: binary.path,
      port: env.MEILI_PORT,
      dataDir: join(dataDir(), "meilisearch"),
      masterKey: key,
    });
  }
  process.env.MEILI_URL = url;
  process.env.MEILI_MASTER_KEY = key;
  resetEnvCache();
  return async () => {
    await embedded?.stop();
  };
}

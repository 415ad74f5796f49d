import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const Secrets = z.object({ authSecret: z.string().min(32), meiliMasterKey: z.string().min(16) });
export type Secrets = z.infer<typeof Secrets>;

/**
 * Secrets generated on first start into `<data dir>/secrets.json` (mode 0600), never committed. The data dir is
 * what an operator backs up, so sessions and the embedded Meilisearch key survive restarts.
 */
export function loadOrCreateSecrets(dataDir: string): Secrets {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "secrets.json");
  if (existsSync(path)) {
    const parsed = Secrets.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (parsed.success) return parsed.data;
    throw new Error(
      `${path} is malformed; fix it or delete it to generate new secrets (signs everyone out).`,
    );
  }
  const secrets: Secrets = {
    authSecret: randomBytes(32).toString("base64url"),
    meiliMasterKey: randomBytes(24).toString("base64url"),
  };
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

import { resolve } from "node:path";
import { z } from "zod";

// One parse of process.env for the whole server (STYLE.md "Config and secrets"). Scripts and the Next server
// read the same variables; scripts/start.ts fills in generated ones (AUTH_SECRET, MEILI_*) before Next starts.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SPORTELLO_DATA_DIR: z.string().min(1).default(".data"),
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(16).optional(),
  MEILI_PORT: z.coerce.number().int().min(1).max(65535).default(7700),
  MEILI_BIN: z.string().min(1).optional(),
  /** Prefix of the index names, so tests and demos can share one Meilisearch without touching each other. */
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_]*$/)
    .default(""),
  AUTH_SECRET: z.string().min(32).optional(),
  /** Public address of the portal, used in links sent to customers (chatbot answers, e-mails). */
  SPORTELLO_PUBLIC_URL: z.url().optional(),
  /** "1" seeds demo accounts and demo content; defaults to on unless NODE_ENV=production. */
  SPORTELLO_DEMO: z.enum(["0", "1"]).optional(),
  /** "1" when a reverse proxy you run sets X-Forwarded-For: per-client limits then key on the address it saw. */
  SPORTELLO_TRUST_PROXY: z.enum(["0", "1"]).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    // An empty variable (`MEILI_URL=`) means "not set", as in most shells' and .env conventions.
    const present = Object.fromEntries(
      Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""),
    );
    const parsed = EnvSchema.safeParse(present);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests and scripts change process.env between runs in one process. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function dataDir(): string {
  return resolve(getEnv().SPORTELLO_DATA_DIR);
}

export function publicBaseUrl(): string {
  const env = getEnv();
  return (env.SPORTELLO_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export function isDemo(): boolean {
  const env = getEnv();
  if (env.SPORTELLO_DEMO) return env.SPORTELLO_DEMO === "1";
  return env.NODE_ENV !== "production";
}

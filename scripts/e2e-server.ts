// Starts Sportello for the e2e run on a fresh data dir (playwright.config.ts), through the same start script users
// run, so the tests also cover first-start import, indexing and the embedded Meilisearch.
import { rmSync } from "node:fs";
import { resolve } from "node:path";

const dir = resolve(process.env.SPORTELLO_DATA_DIR ?? ".e2e-data");
if (!dir.endsWith(".e2e-data")) throw new Error(`refusing to wipe ${dir}: e2e data must live in .e2e-data`);
rmSync(dir, { recursive: true, force: true });
void import("./start");

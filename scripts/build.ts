// `npm run build`: next build, then a stamp of the sources it was built from (lib/runtime/build-stamp.ts), so
// `npm start` knows the build is current and does not build twice.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sourceStamp, writeBuildStamp } from "@/lib/runtime/build-stamp";

export async function runBuild(root: string, onSpawn?: (child: ChildProcess) => void): Promise<void> {
  const stamp = sourceStamp(root);
  const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    onSpawn?.(child);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  writeBuildStamp(root, stamp);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runBuild(process.cwd()).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

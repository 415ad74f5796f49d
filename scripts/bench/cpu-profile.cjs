// Preloaded into the app by `BENCH_CPU_PROF=<dir> npm run bench` (Node refuses --cpu-prof in NODE_OPTIONS): profiles
// the web server (scripts/server.ts) only, and writes <dir>/server-<pid>.cpuprofile when it exits (open it in Chrome
// DevTools).
const { argv, env, pid } = process;
if (env.BENCH_CPU_PROF && argv.some((a) => a.endsWith("scripts/server.ts"))) {
  const { Session } = require("node:inspector");
  const { mkdirSync, writeFileSync } = require("node:fs");
  const { join } = require("node:path");
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 200 });
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // An in-process inspector session answers synchronously, so this works inside an "exit" handler.
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      mkdirSync(env.BENCH_CPU_PROF, { recursive: true });
      writeFileSync(join(env.BENCH_CPU_PROF, `server-${pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on("exit", write);
}

// The web server `npm start` runs (scripts/start.ts spawns it): Next.js behind node:http, with the routes of
// lib/http/direct-routes.ts answered before Next's router (docs/decisions/013-direct-search-route.md).
// Usage: node --import tsx scripts/server.ts --port 3000 [--dev]
// Not under --conditions=react-server like the other scripts: Next's own runtime needs react-dom/server. It imports
// no app module either; the direct routes come from Next's bundle, registered by instrumentation.ts.
import { createServer } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, resolveClientIp } from "../lib/http/client-ip";
import { getDirectRouter } from "../lib/http/direct-router";

const dev = process.argv.includes("--dev");
const portArg = process.argv[process.argv.indexOf("--port") + 1];
const port = Number(portArg ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0) throw new Error(`invalid --port ${portArg}`);
process.title = "sportello-server";

// Only an operator who runs Sportello behind their own reverse proxy may let X-Forwarded-For name the client.
const trustProxy = process.env.SPORTELLO_TRUST_PROXY === "1";

// The search worker inside this process refreshes cached portal pages through this address (lib/portal/revalidate.ts).
process.env.SPORTELLO_INTERNAL_URL = `http://127.0.0.1:${port}`;

const app = next({ dev, dir: process.cwd(), port });
const handle = app.getRequestHandler();

async function main(): Promise<void> {
  await app.prepare();
  const directRouteFor = getDirectRouter();
  if (!directRouteFor) throw new Error("instrumentation.ts did not register the direct routes");
  const server = createServer((req, res) => {
    // Rate limits key on this header (lib/http/client-ip.ts): set here, never taken from the client.
    req.headers[CLIENT_IP_HEADER] = resolveClientIp(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trustProxy,
    );
    const direct = directRouteFor(req);
    if (direct) void direct(req, res);
    else void handle(req, res);
  });
  if (dev) {
    // Hot reload's websocket; in production nothing upgrades.
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  }
  server.listen(port);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  console.log(`[server] listening on :${port}${dev ? " (dev)" : ""}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // In-flight requests finish; idle keep-alive sockets close now. process.exit runs the exit hooks that write
    // buffered usage events (lib/analytics).
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // Started by scripts/start.ts: if it dies without stopping us (SIGKILL), do not linger as an orphan.
  const parentAtStart = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentAtStart) stop();
  }, 1000).unref();
}

main().catch((error: unknown) => {
  console.error(`[server] could not start: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});

import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { assertRole, parseCookieHeader, sessionUserFromCookies } from "@/lib/auth";
import { isPortalLocale } from "@/lib/i18n";
import { countPortalView, parsePortalSearch, portalSearch } from "@/lib/portal";
import { viewedArticleSlug } from "@/lib/portal/view-request";
import { agentSearch } from "@/lib/search/agent-search";
import { clientIpOf } from "./client-ip";
import { type DirectHandler, setDirectRouter } from "./direct-router";
import { toProblem } from "./problems";
import securityHeaders from "./security-headers.json";

// Routes the web server (scripts/server.ts) answers itself, before Next's router: the agent console and the portal's
// instant search box search on every keystroke, and Next's route-handler machinery cost more CPU per search than Meilisearch did (issue 5
// benchmark; docs/decisions/013-direct-search-route.md). Everything else goes to Next. These handlers follow the
// rules of route handlers: the session and role checked here, input parsed with zod, domain errors as problem+json.
//
// instrumentation.ts registers them when Next starts, so they run on the same bundled modules as the rest of the
// app (one database handle, one usage-event buffer); scripts/server.ts finds them through lib/http/direct-router.ts.

export function registerDirectRoutes(): void {
  setDirectRouter(directRouteFor);
}

const ROUTES: Record<string, DirectHandler> = {
  "/api/search": async (req, res) => {
    const started = performance.now();
    const agent = assertRole(await sessionUserFromCookies(parseCookieHeader(req.headers.cookie)), "agent");
    const result = await agentSearch(agent, new URL(req.url ?? "/", "http://direct").searchParams, started);
    send(req, res, 200, JSON.stringify(result), {
      "Content-Type": "application/json",
      "Cache-Control": "private, no-store",
    });
  },
  // The portal's instant search box (lib/portal/search.ts): anonymous, public index only, limited per client.
  "/api/portal/search": async (req, res) => {
    const params = Object.fromEntries(new URL(req.url ?? "/", "http://direct").searchParams);
    const locale = isPortalLocale(params.lang) ? params.lang : "it";
    const result = await portalSearch(parsePortalSearch(params, 8), locale, clientIpOf(req.headers));
    send(req, res, 200, JSON.stringify(result), {
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
    });
  },
};

const SECURITY_HEADERS = Object.fromEntries(securityHeaders.map((h) => [h.key, h.value]));

/** The handler for a GET or HEAD this server answers directly, or null to hand the request to Next. */
export function directRouteFor(req: IncomingMessage): DirectHandler | null {
  // Portal article pages are cached by Next, so they are counted here, where every request passes.
  const viewed = viewedArticleSlug(req.method, req.url, req.headers);
  if (viewed) countPortalView(viewed);
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  const end = url.indexOf("?");
  const handler = ROUTES[end === -1 ? url : url.slice(0, end)];
  if (!handler) return null;
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      const problem = toProblem(error);
      send(req, res, problem.status, await problem.text(), Object.fromEntries(problem.headers));
    }
  };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, "Content-Length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}

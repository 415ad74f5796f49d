import "server-only";
import type { ApiPrincipal } from "@/lib/apikeys";
import { toProblem } from "@/lib/http/problems";
import { authenticateApiRequest } from "./auth";

// The edge of every /api/v1 route (STYLE.md "A server action or handler"): authenticate the key (nothing is parsed
// for a stranger), call lib, answer JSON. Errors become application/problem+json through lib/http/problems.ts. No
// CORS headers: the API is for servers (a chatbot backend, an IVR); a key in a browser would be public anyway.

const NO_STORE = { "Cache-Control": "no-store" };

export function apiRoute<Context = unknown>(
  handler: (request: Request, key: ApiPrincipal, context: Context) => Promise<unknown> | unknown,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      const key = authenticateApiRequest(request.headers);
      const body = await handler(request, key, context);
      return Response.json(body, { headers: NO_STORE });
    } catch (error) {
      const response = toProblem(error);
      if (response.status === 401) {
        response.headers.set("WWW-Authenticate", 'Bearer realm="sportello-api"');
      }
      return response;
    }
  };
}

/** Query parameters, with `vars[name]=value` (OpenAPI deepObject) gathered apart. A repeated parameter keeps the last. */
export function readApiQuery(url: string): {
  params: Record<string, string>;
  vars: Record<string, string>;
} {
  const params: Record<string, string> = {};
  const vars: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) {
    const match = /^vars\[([^\]]+)\]$/.exec(name);
    if (match?.[1]) vars[match[1]] = value;
    else params[name] = value;
  }
  return { params, vars };
}

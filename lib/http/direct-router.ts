import type { IncomingMessage, ServerResponse } from "node:http";

// The hand-off between instrumentation.ts (inside Next's bundle) and scripts/server.ts (outside it): no imports
// beyond types, so the server can load it without the app's server-only modules.

export type DirectHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
/** The handler for a request the server answers itself, or null to hand it to Next. */
export type DirectRouter = (req: IncomingMessage) => DirectHandler | null;

const KEY = "__sportelloDirectRouter";

export function setDirectRouter(router: DirectRouter): void {
  (globalThis as Record<string, unknown>)[KEY] = router;
}

export function getDirectRouter(): DirectRouter | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as DirectRouter | undefined;
}

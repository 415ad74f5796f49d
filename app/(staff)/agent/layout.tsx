import type { ReactNode } from "react";
import { AppHeader } from "@/app/_components/app-header";
import { getSessionUser, requirePageRole } from "@/lib/auth";
import "./console.css";

export const dynamic = "force-dynamic";

export default async function AgentLayout({ children }: { children: ReactNode }) {
  // A stranger is sent to sign in by the page, not here: a layout cannot see the query string, and a screen-pop
  // (/agent?q=…&customer.firstName=…) must come back with it. Every page below calls requirePageRole itself
  // (a layout alone does not protect its pages' data anyway) and renders nothing for a stranger.
  if (!(await getSessionUser())) return children;
  const user = await requirePageRole("agent", "/agent");
  return (
    <>
      <AppHeader user={user} current="agent" />
      <main id="main">{children}</main>
    </>
  );
}

import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth";
import { AppHeader } from "../_components/app-header";

export const dynamic = "force-dynamic";

export default async function AgentLayout({ children }: { children: ReactNode }) {
  // Each page below checks the role too: a layout alone does not protect its pages' data.
  const user = await requirePageRole("agent", "/agent");
  return (
    <>
      <AppHeader user={user} current="agent" />
      <main id="main">{children}</main>
    </>
  );
}

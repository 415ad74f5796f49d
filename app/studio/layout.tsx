import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth";
import { AppHeader } from "../_components/app-header";

export const dynamic = "force-dynamic";

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole("editor", "/studio");
  return (
    <>
      <AppHeader user={user} current="studio" />
      <main id="main">{children}</main>
    </>
  );
}

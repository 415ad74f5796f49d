import type { ReactNode } from "react";
import { AppHeader } from "@/app/_components/app-header";
import { SubNav, type SubNavLink } from "@/app/_components/sub-nav";
import { requirePageRole } from "@/lib/auth";

export const dynamic = "force-dynamic";

const ADMIN_LINKS: SubNavLink[] = [
  { href: "/admin/settings", label: "Impostazioni" },
  { href: "/admin/branding", label: "Aspetto del portale" },
  { href: "/admin/synonyms", label: "Sinonimi" },
  { href: "/admin/api-keys", label: "Chiavi API" },
  { href: "/admin/audit", label: "Registro attività" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Each page and server action below checks the role again: a layout alone protects nothing.
  const user = await requirePageRole("admin", "/admin");
  return (
    <>
      <AppHeader user={user} current="admin" />
      <SubNav label="Amministrazione" links={ADMIN_LINKS} />
      <main id="main">{children}</main>
    </>
  );
}

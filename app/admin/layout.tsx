import Link from "next/link";
import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth";
import { AppHeader } from "../_components/app-header";

export const dynamic = "force-dynamic";

const ADMIN_LINKS = [
  { href: "/admin/settings", label: "Impostazioni" },
  { href: "/admin/audit", label: "Registro attività" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Each page and server action below checks the role again: a layout alone protects nothing.
  const user = await requirePageRole("admin", "/admin");
  return (
    <>
      <AppHeader user={user} current="admin" />
      <nav aria-label="Amministrazione" className="subnav">
        {ADMIN_LINKS.map((l) => (
          <Link key={l.href} href={l.href}>
            {l.label}
          </Link>
        ))}
      </nav>
      <main id="main">{children}</main>
    </>
  );
}

import Link from "next/link";
import { SignOutButton } from "@/app/_components/sign-out-button";
import type { SessionUser } from "@/lib/auth";
import { roleAtLeast } from "@/lib/auth/users";

const ROLE_LABEL = { admin: "Amministratore", editor: "Editor", agent: "Operatore" } as const;

export type AppArea = "agent" | "studio" | "reviews" | "admin";

/** Header of the signed-in areas; links follow the role, but every page checks the role again on the server. */
export function AppHeader({ user, current }: { user: SessionUser; current: AppArea }) {
  const page = (area: AppArea) => (current === area ? "page" : undefined);
  return (
    <header className="topbar">
      <Link href={current === "agent" ? "/agent" : "/studio"} className="brand">
        Sportello
      </Link>
      <nav aria-label="Aree">
        <Link href="/agent" aria-current={page("agent")}>
          Console operatori
        </Link>
        {roleAtLeast(user.role, "editor") ? (
          <>
            <Link href="/studio" aria-current={page("studio")}>
              Studio
            </Link>
            <Link href="/studio/reviews" aria-current={page("reviews")}>
              Revisioni
            </Link>
          </>
        ) : null}
        {roleAtLeast(user.role, "admin") ? (
          <Link href="/admin" aria-current={page("admin")}>
            Admin
          </Link>
        ) : null}
        <Link href="/">Portale</Link>
      </nav>
      <span className="who">
        {user.name} · {ROLE_LABEL[user.role]}
      </span>
      <SignOutButton />
    </header>
  );
}

import Link from "next/link";

export type SubNavLink = { href: string; label: string };

/** The links of one area (studio, admin) under the app header. */
export function SubNav({ label, links }: { label: string; links: readonly SubNavLink[] }) {
  return (
    <nav aria-label={label} className="subnav">
      {links.map((l) => (
        <Link key={l.href} href={l.href}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}

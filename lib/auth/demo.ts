import "server-only";
import type { Db, Role } from "@/lib/db";
import { getDb } from "@/lib/db";
import { createUser, getUserByEmail } from "./users";

/**
 * Demo accounts, created only on the demo default (SPORTELLO_DEMO, on unless NODE_ENV=production). Their
 * passwords are public by design — they are listed in README.md — so they are not secrets.
 */
export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@sportello.local", name: "Alessandra Admin", role: "admin", password: "sportello-admin" },
  { email: "editor@sportello.local", name: "Elena Editor", role: "editor", password: "sportello-editor" },
  {
    email: "revisore@sportello.local",
    name: "Roberto Revisore",
    role: "editor",
    password: "sportello-editor",
  },
  { email: "agent@sportello.local", name: "Andrea Agente", role: "agent", password: "sportello-agent" },
];

export async function ensureDemoUsers(db: Db = getDb()): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    if (getUserByEmail(user.email, db)) continue;
    await createUser(user, db);
    created++;
  }
  return created;
}

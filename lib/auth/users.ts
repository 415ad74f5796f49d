import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, ROLES, type Role, schema, type User } from "@/lib/db";
import { InvalidError, RateLimitedError } from "@/lib/errors";
import {
  getDummyHash,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from "./password";
import { clearLoginFailures, type LoginKeys, loginRetryAfterSeconds, recordLoginFailure } from "./rate-limit";

export const CreateUserInput = z.object({
  email: z.email("Indirizzo e-mail non valido").transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, "Il nome è obbligatorio").max(100),
  role: z.enum(ROLES),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `La password deve avere almeno ${PASSWORD_MIN_LENGTH} caratteri`)
    .max(PASSWORD_MAX_LENGTH),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export type PublicUser = Pick<User, "id" | "email" | "name" | "role">;

export async function createUser(input: CreateUserInput, db: Db = getDb()): Promise<PublicUser> {
  const data = CreateUserInput.parse(input);
  if (getUserByEmail(data.email, db)) {
    throw new InvalidError("user_email_taken", `Esiste già un utente ${data.email}.`, {
      email: ["E-mail già registrata"],
    });
  }
  const passwordHash = await hashPassword(data.password);
  const user = db
    .insert(schema.users)
    .values({ email: data.email, name: data.name, role: data.role, passwordHash })
    .returning()
    .get();
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function countUsers(db: Db = getDb()): number {
  return db.select({ n: count() }).from(schema.users).get()?.n ?? 0;
}

const PUBLIC_USER_COLUMNS = {
  id: schema.users.id,
  email: schema.users.email,
  name: schema.users.name,
  role: schema.users.role,
};

/** Editors and admins: who may own an article. */
export function listEditors(db: Db = getDb()): PublicUser[] {
  return db
    .select(PUBLIC_USER_COLUMNS)
    .from(schema.users)
    .where(and(eq(schema.users.active, true), ne(schema.users.role, "agent")))
    .orderBy(schema.users.name)
    .all();
}

export function getUserByEmail(email: string, db: Db = getDb()): User | null {
  return db.select().from(schema.users).where(eq(schema.users.email, email.toLowerCase())).get() ?? null;
}

// Prepared once per connection: this lookup runs on every authenticated request, and building the query anew
// each time was most of its cost (issue 5 benchmark).
const activeUserById = new WeakMap<Db, ReturnType<typeof prepareActiveUserById>>();
function prepareActiveUserById(db: Db) {
  return db
    .select(PUBLIC_USER_COLUMNS)
    .from(schema.users)
    .where(and(eq(schema.users.id, sql.placeholder("id")), eq(schema.users.active, true)))
    .prepare();
}

export function getActiveUserById(id: number, db: Db = getDb()): PublicUser | null {
  let query = activeUserById.get(db);
  if (!query) {
    query = prepareActiveUserById(db);
    activeUserById.set(db, query);
  }
  return query.get({ id }) ?? null;
}

/**
 * Checks an e-mail and password. Null for a wrong pair (the same for unknown e-mail and wrong password), a
 * RateLimitedError when too many recent failures came from this account or address.
 */
export async function verifyCredentials(
  credentials: { email: string; password: string },
  ip: string | null,
  db: Db = getDb(),
): Promise<PublicUser | null> {
  const email = credentials.email.trim().toLowerCase();
  const keys: LoginKeys = { email, ip };
  const retryAfter = loginRetryAfterSeconds(keys, Date.now(), db);
  if (retryAfter > 0) {
    throw new RateLimitedError(
      `Troppi tentativi di accesso. Riprova tra ${Math.ceil(retryAfter / 60)} minuti.`,
      retryAfter,
    );
  }
  const user = getUserByEmail(email, db);
  const ok = await verifyPassword(credentials.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok || !user.active) {
    recordLoginFailure(keys, Date.now(), db);
    return null;
  }
  clearLoginFailures(email, db);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const RANK: Record<Role, number> = { agent: 1, editor: 2, admin: 3 };

/** Roles nest: an admin can do what an editor can, an editor what an agent can. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

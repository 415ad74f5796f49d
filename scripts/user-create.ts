// `npm run user:create -- --email a@b.it --name "Anna" --role editor` (password asked on stdin, or --password /
// SPORTELLO_PASSWORD for automation). The way to create users when demo accounts are off (production).

import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createUser } from "@/lib/auth/users";
import { closeDb, migrateDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { loadDotEnv } from "@/lib/runtime/dotenv";

loadDotEnv();
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "agent" },
    password: { type: "string" },
  },
});

async function main(): Promise<void> {
  let password = values.password ?? process.env.SPORTELLO_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) throw new Error("no password: pass --password or SPORTELLO_PASSWORD");
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question("Password (min 10 characters): ");
    rl.close();
  }
  migrateDb();
  const user = await createUser({
    email: values.email ?? "",
    name: values.name ?? values.email ?? "",
    role: values.role as "agent",
    password,
  });
  console.log(`created ${user.role} ${user.email} (id ${user.id})`);
}

main()
  .catch((error: unknown) => {
    if (error instanceof DomainError) console.error(error.message);
    else if (error && typeof error === "object" && "issues" in error) {
      for (const i of (error as { issues: { path: unknown[]; message: string }[] }).issues) {
        console.error(`${i.path.join(".")}: ${i.message}`);
      }
    } else console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());

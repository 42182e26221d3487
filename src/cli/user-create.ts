import { createInterface } from 'node:readline/promises';
import type { Db } from '../db/client.js';
import { createUserWithRole } from '../modules/organisations/service.js';
import { roles, type Role } from '../shared/roles.js';

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped input: first line is the password (for scripts: echo "$PW" | leerkompas user create …).
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await rl.question('Password (at least 10 characters): ');
  rl.close();
  return password;
}

export async function createUserCommand(db: Db, values: { email?: string; org?: string; role?: string; name?: string; password?: string }) {
  const missing = (['email', 'org', 'role'] as const).filter((k) => !values[k]);
  if (missing.length)
    throw new Error(
      `Missing ${missing.map((m) => `--${m}`).join(', ')}. Example: leerkompas user create --email you@example.org --org leerkompas --role platform_admin`,
    );
  if (!roles.includes(values.role as Role)) throw new Error(`--role must be one of: ${roles.join(', ')}`);
  const password = values.password ?? (await askPassword());
  const { user, organisation } = await createUserWithRole(db, {
    email: values.email!,
    displayName: values.name,
    password,
    organisation: values.org!,
    role: values.role as Role,
  });
  console.log(`User ${user.email} has role ${values.role} in ${organisation.name}.`);
}

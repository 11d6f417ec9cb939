// wlx operator add-user: an operator account for the web (viewer or operator), its password read from
// WLX_PASSWORD or stdin, hashed with scrypt (infra/webStore/passwords.ts) into the web's database (WEB_DB_URL,
// by default the mail ledger's). Adding a name that exists replaces its role and password (and address, if
// given), and ends the account's web sessions.
import type { Command } from 'commander';
import { z } from 'zod';
import { parseInput } from '../../../domain/validation.ts';
import { webDbFields, webDbUrl } from '../../../infra/config.ts';
import { hashPassword, passwordRule } from '../../../infra/webStore/passwords.ts';
import {
  type OperatorRole,
  openWebStore,
  operatorRoles,
  type WebStore,
} from '../../../infra/webStore/store.ts';
import { parseOptions } from '../options.ts';

const addUserOptions = z.object({
  name: z.string().trim().min(1, 'an account name, e.g. zhangwei').max(100),
  role: z.enum(operatorRoles, 'viewer (reads) or operator (reads and acts)'),
  email: z.email('an e-mail address, e.g. zhangwei@cnipa.gov.cn').optional(),
});
const passwordSchema = z
  .string()
  .min(passwordRule.minLength, `at least ${passwordRule.minLength} characters`)
  .max(passwordRule.maxLength);

export async function addUser(
  store: WebStore,
  account: { name: string; role: OperatorRole; password: string; email?: string },
): Promise<'added' | 'updated'> {
  const password = parseInput(passwordSchema, account.password, 'password');
  return store.putUser({
    name: account.name,
    role: account.role,
    passwordHash: await hashPassword(password),
    ...(account.email && { email: account.email }),
  });
}

/** The password: WLX_PASSWORD, else stdin (one line; typed without echo at a terminal). */
async function readPassword(): Promise<string> {
  if (process.env.WLX_PASSWORD !== undefined) return process.env.WLX_PASSWORD;
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write('password: ');
  stdin.setRawMode(true);
  stdin.resume();
  let typed = '';
  try {
    for await (const chunk of stdin) {
      for (const char of (chunk as Buffer).toString('utf8')) {
        if (char === '\r' || char === '\n') return typed;
        if (char === '\u0003') throw new Error('cancelled');
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    }
    return typed;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}

export function registerUserCommands(program: Command): void {
  const operator = program.commands.find((c) => c.name() === 'operator');
  if (!operator) throw new Error('register the operator commands first');
  operator
    .command('add-user')
    .description(
      'add (or reset) a web account: viewer reads, operator also acts; password from WLX_PASSWORD or stdin',
    )
    .requiredOption('--name <name>', 'the account name, used to sign in and recorded with every decision')
    .requiredOption('--role <role>', 'viewer | operator')
    .option('--email <address>', 'where to tell the operator of repeated failed sign-ins to the account')
    .action(async (raw) => {
      const options = parseOptions(addUserOptions, raw);
      const password = await readPassword();
      const store = await openWebStore(
        webDbUrl(parseInput(z.object(webDbFields), process.env, 'environment')),
      );
      try {
        const outcome = await addUser(store, { ...options, password });
        process.stdout.write(`${outcome} ${options.role} ${options.name}\n`);
      } finally {
        await store.close();
      }
    });
}

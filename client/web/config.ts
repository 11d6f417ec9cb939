// The web process's configuration, from the environment, parsed at the edge.
import { z } from 'zod';
import { parseInput } from '../../domain/validation.ts';
import { mailFields, remindFields, robotsFields, webDbFields, webDbUrl } from '../../infra/config.ts';

export const webConfigSchema = z.object({
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Where browsers reach the web, for the links in mail: https makes the cookies Secure. */
  WEB_PUBLIC_URL: z.url().optional(),
  /** Signs the session cookies; required, at least 32 characters (e.g. `openssl rand -base64 48`). */
  WEB_SESSION_SECRET: z.string().min(32, 'at least 32 random characters, e.g. from openssl rand -base64 48'),
  /** Users and sign-in links: the mail ledger's database by default (schema wanlixing_web). */
  ...webDbFields,
  /** Behind a reverse proxy: the client's address is the first of X-Forwarded-For. */
  WEB_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SMTP_URL: mailFields.SMTP_URL,
  MAIL_FROM: mailFields.MAIL_FROM,
  /** The worker's robots file: the unit page says which platforms a unit's notices also go to. */
  ...robotsFields,
  /** Hours between two remind-alls of a year (client/operations/remindAll.ts). */
  ...remindFields,
});
export type WebConfig = z.infer<typeof webConfigSchema> & { WEB_DB_URL: string; WEB_PUBLIC_URL: string };

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const parsed = parseInput(webConfigSchema, env, 'web environment');
  return {
    ...parsed,
    WEB_DB_URL: webDbUrl(parsed),
    WEB_PUBLIC_URL: (parsed.WEB_PUBLIC_URL ?? `http://localhost:${parsed.WEB_PORT}`).replace(/\/$/, ''),
  };
}

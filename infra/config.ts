// Environment fields more than one process reads (the worker, the web, wlx), each declared once: parsed at the
// edge, with the defaults `npm start` uses and messages that say what would be accepted.
import { z } from 'zod';

/** Where Temporal is. */
export const temporalFields = {
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
};

/** How notices leave: the SMTP relay, the sender, the domain of the deterministic Message-IDs. */
export const mailFields = {
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL, e.g. smtp://localhost:2525')
    .default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().min(1).default('知识产权服务万里行 <wanlixing@cnipa.example>'),
  /** Domain of the deterministic Message-IDs. */
  MESSAGE_ID_DOMAIN: z.string().min(1).default('wanlixing.cnipa.example'),
};

/** The SQL database the workers share (the mail ledger) and, by default, the web's store. */
const sqlUrl = z
  .string()
  .regex(/^(postgres(ql)?:\/\/\S+|pglite:\S+)$/, 'a postgres:// URL, or pglite:<folder> for a single worker');

export const sqlFields = {
  /**
   * The mail ledger every worker shares, so that no notice goes out twice: `postgres://user:pass@host/db`,
   * or `pglite:<dir>` for PGlite inside this worker alone.
   */
  MAIL_LEDGER_URL: sqlUrl.default('pglite:var/mail-ledger'),
};

/**
 * The web's own database (users, sign-in links, the audit trail): the mail ledger's unless WEB_DB_URL names
 * another. No default of its own: zod applies an inner default under optional(), which made it the default
 * ledger folder whatever MAIL_LEDGER_URL said.
 */
export const webDbFields = { WEB_DB_URL: sqlUrl.optional(), ...sqlFields };

export function webDbUrl(parsed: { WEB_DB_URL?: string | undefined; MAIL_LEDGER_URL: string }): string {
  return parsed.WEB_DB_URL ?? parsed.MAIL_LEDGER_URL;
}

/** The units' group robots (infra/channels/robotsFile.ts): a YAML or JSON file the operators keep, outside the repository. */
export const robotsFields = {
  NOTICE_ROBOTS_FILE: z
    .string()
    .min(1, 'the path of the robots file, e.g. /etc/wanlixing/robots.yaml')
    .optional(),
};

/**
 * The least time between two "remind all" of one year, in hours; 0 for none. wlx and the web both obey it
 * (client/operations/remindAll.ts): a second mass mail within a day reads as a fault to the units.
 */
export const remindFields = {
  REMIND_ALL_INTERVAL_HOURS: z.coerce
    .number()
    .min(0, 'hours, 0 or more, e.g. 24')
    .max(24 * 31, 'at most 744 hours (31 days)')
    .default(24),
};

export const hoursToMs = (hours: number): number => Math.round(hours * 3_600_000);

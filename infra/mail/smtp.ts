// The SMTP transport every sender shares the settings of: the worker's notices and the web's sign-in links.
import nodemailer, { type SMTPPoolOptions, type Transporter } from 'nodemailer';

/** The single pooled transporter of a worker. */
export function createSmtpTransport(smtpUrl: string): Transporter {
  const options: SMTPPoolOptions & { pool: true } = {
    url: smtpUrl,
    pool: true,
    // The pool would re-send a message whose connection dropped mid-delivery (5 times by default) behind
    // the activity's back; with 0 that delivery fails, and Temporal's retry policy, which sees the
    // attempt and checks the mail ledger first, decides when to try again.
    maxRequeues: 0,
    // A stalled server fails the attempt, and Temporal retries it, instead of nodemailer's minutes of waiting.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  return nodemailer.createTransport(options);
}

// Sign-in links (and alerts of failed sign-ins) go out over SMTP like every notice: nodemailer with the worker's pooled transport
// (infra/mail/smtp.ts), the SMTP_URL and MAIL_FROM the worker uses.

import { formatShanghaiDate } from '../../domain/calendar.ts';
import { createSmtpTransport } from '../../infra/mail/smtp.ts';
import type { SignInAlertMail, SignInLinkMail, SignInMailer } from './routeSpec.ts';

export interface SmtpMailer extends SignInMailer {
  close(): void;
}

/** Beijing wall-clock time, 2027-05-20 14:05. */
function beijingTime(ms: number): string {
  const time = new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
  return `${formatShanghaiDate(ms)} ${time}`;
}

export function smtpMailer(options: { smtpUrl: string; from: string }): SmtpMailer {
  const transport = createSmtpTransport(options.smtpUrl);
  return {
    async sendSignInLink({ to, unit, url, expiresAt }: SignInLinkMail) {
      await transport.sendMail({
        from: options.from,
        to: { name: to.name, address: to.email },
        subject: `知识产权服务万里行 登录链接 (sign-in link) — ${unit.nameZh}`,
        text: [
          `${to.name}：`,
          '',
          `请点击以下链接登录知识产权服务万里行系统（${unit.nameZh}），链接仅可使用一次，${beijingTime(expiresAt)}（北京时间）前有效：`,
          `Sign in to the IP Service Campaign for ${unit.nameEn} with this link; it works once, until ${beijingTime(expiresAt)} Beijing time:`,
          '',
          url,
          '',
          '如非本单位申请，请忽略本邮件。 If nobody at your office asked for it, ignore this mail.',
        ].join('\n'),
        headers: { 'X-Wanlixing-Kind': 'sign-in-link' },
      });
    },
    async sendSignInAlert({ to, failures, windowMinutes, from }: SignInAlertMail) {
      await transport.sendMail({
        from: options.from,
        to: { name: to.name, address: to.email },
        subject: `知识产权服务万里行 登录失败提醒 (failed sign-ins) — ${to.name}`,
        text: [
          `${to.name}：`,
          '',
          `您的账号“${to.name}”在 ${windowMinutes} 分钟内有 ${failures} 次密码错误的登录尝试，最近一次来自 ${from}。`,
          `Your account "${to.name}" saw ${failures} sign-ins with a wrong password in ${windowMinutes} minutes, the last from ${from}.`,
          '',
          '您仍可照常登录；猜测者的地址会被放慢。如非本人所为，请联系管理员更换密码。',
          'You can still sign in as usual; the guessing address is slowed down. If it was not you, ask an administrator to change your password.',
        ].join('\n'),
        headers: { 'X-Wanlixing-Kind': 'sign-in-alert' },
      });
    },
    close: () => transport.close(),
  };
}

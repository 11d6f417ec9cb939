// Where the unit's notices go: e-mail always, and each platform's group robot when the robots file names one.
// Only whether a robot is configured is shown: its address holds its key, and the page never has it.
import { html } from 'hono/html';
import {
  platformLabels,
  type RobotPlatform,
  robotPlatforms,
} from '../../../../domain/notices/robotMarkdown.ts';
import { type Html, t } from '../html.ts';

export function channelsSection(configured: readonly RobotPlatform[]): Html {
  const rows = robotPlatforms.map((platform) => {
    const label = platformLabels[platform];
    const on = configured.includes(platform);
    return html`<tr data-channel="${platform}">
      <td>${t(label.zh, label.en)}</td>
      <td>${on ? t('已配置', 'configured') : t('未配置', 'not configured')}</td>
    </tr>`;
  });
  return html`<section class="card" id="channels">
    <h2>${t('通知渠道', 'Notice channels')}</h2>
    <p class="muted">${t(
      '提醒、逾期、催办、督办等通知发送至电子邮件，并同时推送至已配置的群机器人。',
      'Reminders, overdue, urging and supervision notices go by e-mail and to every group robot configured.',
    )}</p>
    <table tabindex="0">
      <tr><td>${t('电子邮件', 'E-mail')}</td><td>${t('已配置', 'configured')}</td></tr>
      ${rows}
    </table>
  </section>`;
}

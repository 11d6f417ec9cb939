// When a page's data was read (the read model keeps it about a second, longer when Temporal is slow to answer):
// "截至 HH:MM:SS as of", Beijing time.
import { html } from 'hono/html';
import { type Html, t } from './html.ts';

const clockTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function asOf(readAt: number): Html {
  const time = clockTime.format(readAt);
  return html`<p class="muted as-of">${t(`截至 ${time}`, `as of ${time}`)}</p>`;
}

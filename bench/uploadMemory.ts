// The upload path's peak memory, for bench:web: a web process of its own (test/web/edge/webServer.ts) takes
// one work-plan upload of `sizeMiB`, then `parallel` at once; the growth of its peak resident memory (VmHWM)
// over its resident memory before is reported for each. The upload queue should hold the second to about
// two uploads' worth, whatever `parallel` is.
import { sendBody, startWebProcess } from '../test/web/edge/webProcess.ts';

const MiB = 1024 * 1024;

export async function uploadPeakMemory(sizeMiB = 45, parallel = 8): Promise<{ one: number; many: number }> {
  const web = await startWebProcess();
  try {
    const unit = await web.signInUnit('11');
    const boundary = 'wlxBench0123456789';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const upload = () =>
      sendBody(`${web.url}/campaigns/2031/units/11/plan`, {
        size: sizeMiB * MiB,
        declared: true,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: unit.cookie },
        first: Buffer.from(
          `${part('_csrf', unit.csrf)}${part('updateId', 'bench-upload-01')}${part('title', 'bench')}` +
            `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="plan.pdf"\r\n\r\n`,
        ),
        last: Buffer.from(`\r\n--${boundary}--\r\n`),
      });
    const growth = async (work: () => Promise<unknown>) => {
      web.resetPeak();
      const before = web.memory().rss;
      await work();
      return (web.memory().peak - before) / MiB;
    };
    const one = await growth(upload);
    const many = await growth(() => Promise.all(Array.from({ length: parallel }, upload)));
    return { one, many };
  } finally {
    await web.stop();
  }
}

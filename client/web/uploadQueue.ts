// Uploads one or two at a time: an upload costs memory in proportion to its file (the form parsed, the file
// read, the workbook or document checked), so the web lets only `running` of them read their bodies at once.
// Up to `waiting` more wait their turn with their bodies unread in the socket; beyond that the web answers
// 503 with Retry-After rather than queue without end. So N simultaneous uploads cost at most `running` times
// one upload's peak, whatever N is (docs/security.md gives the budget and how it was measured).
import type { MiddlewareHandler } from 'hono';
import { problem } from './problems.ts';
import type { Refuse, WebEnv } from './rules.ts';

export interface QueueSize {
  running: number;
  waiting: number;
}

export const uploadQueueSize: QueueSize = { running: 2, waiting: 8 };

export interface UploadQueue {
  /** Holds the request until its turn (or refuses it when the queue is full); frees the turn once answered. */
  middleware(refuse: Refuse): MiddlewareHandler<WebEnv>;
  /** Uploads being read and checked now, and waiting. */
  load(): QueueSize;
}

export function uploadQueue(size: QueueSize = uploadQueueSize): UploadQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next)
      next(); // the turn passes on: running stays the same
    else running -= 1;
  };
  return {
    load: () => ({ running, waiting: waiting.length }),
    middleware: (refuse) => async (c, next) => {
      if (running < size.running) running += 1;
      else if (waiting.length < size.waiting) await new Promise<void>((turn) => waiting.push(turn));
      else {
        const busy = problem(
          503,
          'busy',
          '上传较多，请稍后重试 (too many uploads at once; try again in a few seconds)',
        );
        c.header('retry-after', '5');
        return refuse(c, { ...busy, title: 'Busy' });
      }
      try {
        await next();
      } finally {
        release();
      }
    },
  };
}

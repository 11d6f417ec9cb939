import { patched } from '@temporalio/workflow';
import { inParallel } from '../../domain/inParallel.ts';

/** Mail, signals and child starts at most `launchWindow` at once. */
const workInWindows = 'work-in-windows';
export const launchWindow = 500;

/**
 * Runs `work` over `items`, at most `launchWindow` in flight: Temporal refuses a workflow's 2,001st
 * pending activity, signal or child start, and a county-level year mails and starts thousands at launch.
 * Histories recorded before the window started them all at once.
 */
export function inWindows<T>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  if (!patched(workInWindows)) return Promise.all(items.map(work)).then(() => undefined);
  return inParallel(items, launchWindow, async (item, i) => {
    await work(item, i);
  });
}

// What the cluster's processes cost, read from /proc by pid (the cluster writes one pid file per process):
// CPU time so far and the peak resident set. A process the cluster restarted starts its counts afresh.
import { readFileSync } from 'node:fs';

const ticksPerSecond = 100; // USER_HZ on Linux

export interface Usage {
  cpuMs: number;
  peakRss: number;
}

export function processUsage(pid: number): Usage {
  // The command may hold spaces and parentheses: the fields start after the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuMs: (ticks * 1000) / ticksPerSecond, peakRss: Number(hwm?.[1] ?? 0) * 1024 };
}

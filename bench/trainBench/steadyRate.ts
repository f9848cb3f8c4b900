// Steady-state throughput of a forked trainer, measured from outside: between the first and the last
// 'progress' message of each epoch (so start-up, the first batch's warm-up and validation are left
// out), the wall time, the images trained and the CPU time of the trainer's whole process (all its
// threads, from /proc/PID/stat; Linux only). CPU-s per wall-s tells how much of a core it got.
import { readFileSync } from 'node:fs';
import type { TrainerToController } from '../../src/shared/trainerMessages';

/** CPU seconds (user + system, all threads) of process `pid`, or undefined where /proc is absent. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** The peak resident memory of process `pid` so far (VmHWM, MiB), or undefined where /proc is absent. */
export function peakResidentMiB(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface SteadyFigures { images: number; seconds: number; cpuSeconds: number | undefined }

export class SteadyRate {
  private images = 0;
  private seconds = 0;
  private cpuSeconds: number | undefined = 0;
  private mark: { epoch: number; batch: number; at: number; cpu: number | undefined } | undefined;

  constructor(private readonly pid: number, private readonly batchSize: number) {}

  /** Feed every message of the trainer. */
  onMessage(m: TrainerToController): void {
    if (m.type !== 'progress') return;
    const now = { epoch: m.epoch, batch: m.batch, at: performance.now(), cpu: processCpuSeconds(this.pid) };
    if (this.mark === undefined || this.mark.epoch !== m.epoch) {
      this.mark = now;
      return;
    }
    this.images += (m.batch - this.mark.batch) * this.batchSize;
    this.seconds += (now.at - this.mark.at) / 1000;
    this.cpuSeconds = now.cpu === undefined || this.mark.cpu === undefined || this.cpuSeconds === undefined ? undefined : this.cpuSeconds + now.cpu - this.mark.cpu;
    this.mark = now;
  }

  figures(): SteadyFigures {
    return { images: this.images, seconds: this.seconds, cpuSeconds: this.cpuSeconds };
  }
}

// Why a trainer process ended badly: its own report (message, stack) if it sent one, else its exit.

export class TrainerProcessError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderrTail: string,
    readonly childStack?: string,
  ) {
    super(message);
    this.name = 'TrainerProcessError';
  }
}

/** The message for an exit without a 'done': names the likely cause a user can act on. */
export function describeExit(exitCode: number | null, signal: NodeJS.Signals | null, stderrTail: string, stopForced: boolean): string {
  if (/heap out of memory|Allocation failed|out of memory/i.test(stderrTail)) return `the trainer ran out of memory (${exitDetail(exitCode, signal)})`;
  if (stopForced) return `the trainer did not stop in time and was killed (${exitDetail(exitCode, signal)})`;
  if (signal) return `the trainer was killed by ${signal}`;
  if (exitCode === null) return `the trainer process could not start: ${stderrTail.trim().split('\n').at(-1) ?? ''}`;
  return `the trainer exited with code ${exitCode} without finishing`;
}

const exitDetail = (exitCode: number | null, signal: NodeJS.Signals | null) => (signal ? `signal ${signal}` : `exit code ${exitCode}`);

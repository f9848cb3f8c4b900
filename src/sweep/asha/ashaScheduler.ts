// Asynchronous successive halving (ASHA, Li et al. 2020) as a stopping rule. At each rung (epochs
// minIter·eta^k) a run goes on only if its value is in the top 1/eta of the runs that have reached that rung
// so far; nobody waits for stragglers. As in Optuna's SuccessiveHalvingPruner, while fewer than eta runs have
// reached a rung the best of them goes on (it cannot be compared yet, and runs cannot be paused and resumed).
import type { Goal } from '../spec/types';

export interface AshaOptions {
  /** First rung, in epochs (≥ 1). */
  minIter: number;
  /** Reduction factor (> 1): the top 1/eta go on at each rung. */
  eta: number;
  /** Most epochs a run gets; no rung at or beyond it (the run ends there anyway). */
  maxIter?: number;
  goal: Goal;
}

export type AshaDecision = 'continue' | 'prune';

/** Rungs beyond this many epochs are never reached in practice. */
const RUNG_LIMIT = 1_000_000;

export class AshaScheduler {
  /** Epoch counts at which runs are compared, ascending. */
  readonly rungs: readonly number[];
  /** rung → runId → the run's value when it reached that rung. */
  private readonly recorded = new Map<number, Map<string, number>>();
  private readonly pruned = new Set<string>();

  constructor(private readonly options: AshaOptions) {
    if (!(options.minIter >= 1)) throw new Error(`ASHA: minIter must be at least 1 (got ${options.minIter})`);
    if (!(options.eta > 1)) throw new Error(`ASHA: eta must be above 1 (got ${options.eta})`);
    const limit = Math.min(options.maxIter ?? RUNG_LIMIT, RUNG_LIMIT);
    const rungs: number[] = [];
    for (let k = 0; ; k++) {
      const rung = Math.round(options.minIter * options.eta ** k);
      if (rung >= limit) break;
      if (rung !== rungs[rungs.length - 1]) rungs.push(rung);
    }
    this.rungs = rungs;
    for (const rung of rungs) this.recorded.set(rung, new Map());
  }

  /**
   * The run's metric after `epoch` epochs (1-based: report(id, 1, v) after the first epoch). A rung it passed
   * without reporting is judged with this value. A non-finite value (a diverged run) is pruned.
   */
  report(runId: string, epoch: number, value: number): AshaDecision {
    if (this.pruned.has(runId)) return 'prune';
    const score = Number.isFinite(value) ? value : this.options.goal === 'minimize' ? Infinity : -Infinity;
    for (const rung of this.rungs) {
      const atRung = this.recorded.get(rung) as Map<string, number>;
      if (rung > epoch || atRung.has(runId)) continue;
      atRung.set(runId, score);
      if (!Number.isFinite(value) || !this.promotable(atRung, score)) {
        this.pruned.add(runId);
        return 'prune';
      }
    }
    return 'continue';
  }

  isPruned(runId: string): boolean {
    return this.pruned.has(runId);
  }

  /** Runs that reached each rung so far (for display). */
  rungSizes(): Record<number, number> {
    return Object.fromEntries(this.rungs.map((r) => [r, this.recorded.get(r)?.size ?? 0]));
  }

  /** Within the best ⌊n/eta⌋ of the n runs at this rung (at least the best one). Ties go on. */
  private promotable(atRung: Map<string, number>, score: number): boolean {
    const sign = this.options.goal === 'minimize' ? 1 : -1;
    const sorted = [...atRung.values()].sort((a, b) => sign * (a - b));
    const k = Math.max(0, Math.floor(sorted.length / this.options.eta) - 1);
    return sign * (score - sorted[k]) <= 0;
  }
}

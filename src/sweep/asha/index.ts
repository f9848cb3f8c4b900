// Early termination: asynchronous successive halving (W&B's hyperband keys map onto it, see spec).
export { AshaScheduler, type AshaOptions, type AshaDecision } from './ashaScheduler';

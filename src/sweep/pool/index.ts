export { SlotPool, type PoolEntry } from './slotPool';
export { WarmTrainers } from './warmTrainers';

export { SlotPool, type PoolEntry } from './slotPool';

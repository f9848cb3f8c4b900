export * from './grid';
export * from './layout';
export * from './epochGrid';

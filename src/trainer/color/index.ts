export * from './yiq';
export * from './modelIo';
export * from './padding';
export * from './predict';

// Search: grid, random and TPE (method bayes) over a sweep's parameters.
export { createSearcher, type SearcherOptions } from './createSearcher';
export { gridCombinations } from './grid';
export { sampleParam, sampleParams, quantize } from './sample';
export { trialRng } from './rng';
export type { Searcher, TrialResult, Params } from './types';

// The categorical counterpart of the Parzen estimator: weighted counts of each choice plus the prior.

export function fitCategorical(observed: number[], weights: number[], prior: number[]): number[] {
  const counts = prior.slice(); // prior weight 1, spread by the prior's probabilities
  observed.forEach((choice, i) => (counts[choice] += weights[i]));
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / total);
}

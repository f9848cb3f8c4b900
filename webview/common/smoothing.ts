// TensorBoard's scalar smoothing: an exponential moving average, debiased so the first points are not pulled
// towards zero (the same formula as TensorBoard's "smoothing" slider). Non-finite values pass through as gaps.

/** weight in [0, 1): 0 leaves the data as it is; 0.99 smooths hard. */
export function smoothDebiasedEma(values: ArrayLike<number | null>, weight: number): (number | null)[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  const out: (number | null)[] = new Array(values.length);
  let last = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v)) {
      out[i] = v === null ? null : v;
      continue;
    }
    last = last * w + (1 - w) * v;
    count++;
    // Debias: divide by the total weight the average has accumulated so far.
    const debias = w === 1 ? 1 : 1 - Math.pow(w, count);
    out[i] = last / debias;
  }
  return out;
}

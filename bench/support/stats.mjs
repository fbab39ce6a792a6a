// Small statistics for the benchmark's figures.

/** The q-quantile (0 to 1) with linear interpolation between closest ranks; null for no values. */
export function quantile(values, q) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
}

export const median = (values) => quantile(values, 0.5);

/** { median, min, max, n } of the numbers in `values` (nulls left out). */
export function summary(values) {
  const numbers = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return {
    median: median(numbers),
    min: numbers.length ? Math.min(...numbers) : null,
    max: numbers.length ? Math.max(...numbers) : null,
    n: numbers.length,
  };
}

// The configuration diff of the compare view: every dotted key, and whether the runs disagree on it.

export interface DiffRow { key: string; values: unknown[]; differs: boolean }

export function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out[prefix] = value;
  }
  return out;
}

/** Rows sorted with the differing keys first, then alphabetically. */
export function configDiff(configs: unknown[]): DiffRow[] {
  const flat = configs.map((c) => flatten(c));
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort();
  return keys
    .map((key) => {
      const values = flat.map((f) => f[key]);
      const differs = new Set(values.map((v) => JSON.stringify(v))).size > 1;
      return { key, values, differs };
    })
    .sort((a, b) => Number(b.differs) - Number(a.differs) || a.key.localeCompare(b.key));
}

// Whether a YAML/JSON file is a sweep file: its name says so, or it has the two keys every sweep has.

export function looksLikeSweep(fileName: string, text: string): boolean {
  if (/sweep[^/\\]*\.(ya?ml|json)$/i.test(fileName)) return true;
  if (!/\.(ya?ml|json)$/i.test(fileName)) return false;
  const hasKey = (key: string) => new RegExp(`^${key}\\s*:`, 'm').test(text) || new RegExp(`"${key}"\\s*:`).test(text);
  return hasKey('method') && hasKey('parameters');
}

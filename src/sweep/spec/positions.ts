// Maps a key path in the parsed document to its line and column, so each problem names where it is.
// JSON is YAML, so the same walk serves .json and .yaml files.
import { isMap, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type PathSegment = string | number;

/** Where a path points: the value's start, or the key's when `at` is 'key'; the deepest existing node otherwise. */
export function locate(doc: Document, lines: LineCounter, path: PathSegment[], at: 'key' | 'value' = 'value'): { line: number; column: number } {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      offset = (at === 'key' && segment === path[path.length - 1] ? keyNode?.range?.[0] : valueNode?.range?.[0]) ?? keyNode?.range?.[0] ?? offset;
      node = valueNode;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment] as Node;
      offset = node.range?.[0] ?? offset;
    } else break;
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function keyText(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return key === undefined || key === null ? undefined : String(key);
}

/** Dotted display form; parameter keys are themselves dotted, which reads naturally ("parameters.train.seed.min"). */
export function joinPath(path: PathSegment[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}

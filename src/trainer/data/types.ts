// The shapes every dataset loader returns; the trainer and the CLI code against these.

/** Images as one NHWC RGB uint8 block: count × size × size × 3 bytes. */
export interface ImageSet {
  pixels: Uint8Array;
  count: number;
  size: number;
}

export interface DatasetSplits {
  train: ImageSet;
  validation: ImageSet;
  test: ImageSet;
  /** Files that could not be decoded (folder datasets), as paths relative to the folder. */
  skipped: string[];
  /** One line for the run log: source, counts, size, and whether it came from the cache. */
  description: string;
}

export interface LoadProgress {
  phase: 'download' | 'extract' | 'decode' | 'parse';
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Where downloads and decoded tensor files are kept; default defaultCacheDir(). */
  cacheDir?: string;
  /** Folder that a relative 'folder:PATH' is resolved against; default the current directory. */
  baseDir?: string;
  log?: (message: string) => void;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
  signal?: AbortSignal;
  /** Where cifar-10-binary.tar.gz is fetched from; tests serve a small archive locally. */
  cifar10Url?: string;
  /** Expected MD5 of that archive; only tests override it (their archive is not the official one). */
  cifar10Md5?: string;
}

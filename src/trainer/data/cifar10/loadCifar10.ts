import type { DataConfig } from '../../../shared/runConfig';
import type { DatasetSplits, LoadOptions } from '../types';

export async function loadCifar10(_data: DataConfig, _options: LoadOptions): Promise<DatasetSplits> {
  throw new Error('cifar10 loading is being implemented');
}

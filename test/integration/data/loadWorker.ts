// Run in a child process by the tests: loads one dataset (argv[2]: JSON {data, options}) and prints
// its description, so tests can load from several processes at once.
import { loadDataset } from '../../../src/trainer/data';

if (require.main === module) {
  const { data, options } = JSON.parse(process.argv[2]);
  loadDataset(data, options).then(
    (splits) => console.log(splits.description),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}

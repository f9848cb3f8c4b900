#!/usr/bin/env node
// The `aelab` command: the bundled CLI (run `npm run build` first when working from source).
require('../dist/cli.js');

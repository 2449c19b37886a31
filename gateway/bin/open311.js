#!/usr/bin/env node
'use strict';
// `npm run -s open311 -- add-app <name>`: registers an Open311 app and prints its api_key.
// Plain JavaScript so the root script needs no TypeScript runtime; it runs the built CLI
// and says how to build it when the build is missing.
const fs = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', 'dist', 'cli', 'open311.js');
if (!fs.existsSync(built)) {
  console.error('The gateway is not built yet: run `npm run build` first, then try again.');
  process.exit(1);
}
require(built)
  .runOpen311Cli()
  .then((code) => {
    process.exitCode = code;
  });

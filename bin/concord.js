#!/usr/bin/env node
// The CLI runs the compiled JavaScript in dist/ (built by `npm install` through the prepare script).
import { main } from '../dist/src/cli/main.js';

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
});
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`concord: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exitCode = 1;
  },
);

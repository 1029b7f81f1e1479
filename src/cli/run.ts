// Entry point for running the CLI from source (tests, development): `node --import tsx src/cli/run.ts …`.
import { main } from './main.js';

main(process.argv.slice(2)).then((code) => (process.exitCode = code));

/** Reads standard input with `read('-')` and prints a summary: run by read.test.ts in a child process. */
import { read } from '../index.js';
import { ConcordError } from '../../model.js';

try {
  const doc = await read('-');
  process.stdout.write(JSON.stringify({ origin: doc.provenance.origin, encoding: doc.provenance.encoding, blocks: doc.blocks.length }) + '\n');
} catch (error) {
  process.stderr.write(`${error instanceof ConcordError ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

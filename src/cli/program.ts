// The command line: a thin layer over parseSheet. Each command lives in its own file.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { convert, type Io } from './convert.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { reviewSheetJsonSchema } from '../output/json-schema.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('review-parse');
  program
    .description('Turn the extracted text of a 行政事業レビューシート into one validated JSON document.')
    .version(version(), '-V, --version')
    .argument('<file>', "the sheet's extracted text (pdfminer, pdftotext, pdftotext -layout, a viewer's copy); - for stdin")
    .option('--pretty', 'indent the JSON')
    .option('--provenance', 'add, for every value, the input line numbers it came from')
    .option('-q, --quiet', 'do not print info-level diagnostics')
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action((file: string, options) => setExit(convert(file, options, io)));
  program
    .command('schema')
    .description('print the JSON Schema of the output')
    .action(() => {
      io.stdout(`${JSON.stringify(reviewSheetJsonSchema(), null, 2)}\n`);
      setExit(EXIT.ok);
    });
  return program;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
  return code;
}

// The command line: a thin layer over the library. Each command lives in its own file and is
// imported only when it runs, so that `--version` and `--help` start fast.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { EXTRACTORS } from '../tokenize/extractors.js';
import type { Io } from './convert.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of 1 or more');
  return n;
}

/** Detection may be overruled: rows is a viewer's copy, a table row a line. */
const extractorOption = () => new Option('--extractor <kind>', 'read the text as this kind instead of detecting it (rows: a viewer\'s copy, a table row a line)').choices(EXTRACTORS);

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('review-parse');
  // The commands share option names (--pretty, --provenance, --extractor): without this, the
  // program took them from `batch …` as its own, and batch never saw them.
  program.enablePositionalOptions();
  program
    .description('Turn the extracted text of a 行政事業レビューシート into one validated JSON document.')
    .version(version(), '-V, --version')
    .argument('<file>', "the sheet's extracted text (pdfminer, pdftotext, pdftotext -layout, a viewer's copy); - for stdin")
    .option('--pretty', 'indent the JSON')
    .option('--provenance', 'add, for every value, the input line numbers it came from')
    .addOption(extractorOption())
    .option('-q, --quiet', 'do not print info-level diagnostics')
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action(async (file: string, options) => {
      const { convert } = await import('./convert.js');
      setExit(convert(file, options, io));
    });
  program
    .command('batch')
    .description('convert many sheets: one JSON each under --out, and NDJSON or CSV tables')
    .argument('<inputs...>', 'globs (quote them), folders (every .txt below) or files')
    .option('-o, --out <dir>', 'write one .json per sheet here, mirroring the inputs\' relative paths, and manifest.json')
    .option('--ndjson <file>', 'write every document as one line of this file (- for stdout)')
    .option('--csv <dir>', 'write tidy CSV tables (sheets, budget_years, outcomes, …) here, UTF-8 with a BOM')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)', positiveInteger)
    .option('--pretty', 'indent the JSON files')
    .option('--provenance', 'add the input line numbers of every value')
    .addOption(extractorOption())
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (inputs: string[], options) => {
      const { batch } = await import('./batch.js');
      setExit(await batch(inputs, options, io));
    });
  program
    .command('validate')
    .description('check JSON documents against the schema and the sheet\'s own arithmetic')
    .argument('<inputs...>', 'JSON or NDJSON files, folders (every .json below, manifest.json aside) or globs')
    .addOption(new Option('--format <format>', 'how findings are printed').choices(['human', 'json', 'github']).default('human'))
    .option('--strict', 'treat warnings as errors')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (inputs: string[], options) => {
      const { validate } = await import('./validate.js');
      setExit(validate(inputs, options, io));
    });
  program
    .command('schema')
    .description('print the JSON Schema of the output')
    .action(async () => {
      const { reviewSheetJsonSchema } = await import('../output/json-schema.js');
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
      // Several sheets given to the one-sheet command: say which command takes them.
      const toCommand = program.commands.some((c) => c.name() === argv[0]);
      if (e.code === 'commander.excessArguments' && !toCommand) io.stderr('(several sheets: review-parse batch FILES… --out DIR)\n');
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
  return code;
}

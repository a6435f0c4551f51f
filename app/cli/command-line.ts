// Every command's arguments, read one way: node:util's parseArgs, strict. "--help" (or "-h")
// prints the usage and exits 0; an unknown option, a missing value or one positional too many
// prints what is wrong and the usage and exits 2. Never a stack trace: `npm run staff -- --help`
// used to print one. Called before anything else the command does, so it needs no configuration.
import { parseArgs, type ParseArgsConfig } from "node:util";

export function readCommandLine<const T extends NonNullable<ParseArgsConfig["options"]>>(
  usage: string,
  options: T,
  maxPositionals: number,
  args = process.argv.slice(2),
) {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > maxPositionals) throw new Error(`Unexpected argument '${parsed.positionals[maxPositionals]}'.`);
    return parsed;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

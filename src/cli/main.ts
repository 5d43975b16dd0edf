/**
 * Command line: `npm run cli -- <command> [--url URL] [--now ISO] [--settings FILE] FILE...`.
 * Commands live in a table so others (score, draft) can be added in their own files.
 */
import { runParse, type CommonOptions } from "./parse";
import { runDraftCommand } from "./draft";
import { runScoreCommand } from "./score";

type Command = (opts: CommonOptions, write: (line: string) => void) => Promise<number>;

export const COMMANDS: Record<string, { run: Command; help: string }> = {
  parse: {
    run: runParse,
    help: "one JSON line per FILE: { file, url, kind, record, missing, warnings } or { file, error }",
  },
  score: { run: runScoreCommand, help: "like parse, plus fit and urgency on each line (same code as the extension)" },
  draft: {
    run: runDraftCommand,
    help: "one JSON object for one FILE: { coverLetter, terms, answers, decline, referral, followUp, check }",
  },
};

export const USAGE = `usage: npm run cli -- <command> [options] FILE...

commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.help}`)
  .join("\n")}

options:
  --url URL        the page's address (default: read from the file, else the kind is sniffed)
  --now ISO        the moment the page was read (default: now)
  --settings FILE  a settings file (used by commands that need one)`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): { command: string; opts: CommonOptions } {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h") throw new UsageError("no command given");
  if (!COMMANDS[command]) throw new UsageError(`unknown command: ${command}`);
  const opts: CommonOptions = { now: new Date(), files: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--url") opts.url = value();
    else if (arg === "--now") {
      const v = value();
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw new UsageError(`--now: not a date: ${v}`);
      opts.now = d;
    } else if (arg === "--settings") opts.settings = value();
    else if (arg.startsWith("--")) throw new UsageError(`unknown option: ${arg}`);
    else opts.files.push(arg);
  }
  if (opts.files.length === 0) throw new UsageError("no FILE given");
  return { command, opts };
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  return COMMANDS[parsed.command]!.run(parsed.opts, (line) => process.stdout.write(line + "\n"));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);

const USAGE = `pledgewatch — a source-linked ledger of international support commitments, from news

Usage:
  pledgewatch extract FILE|- [--json] [--published YYYY-MM-DD]   facts of one article (text or HTML)
  pledgewatch extract --jsonl < articles.jsonl                    batch: one JSON line in, one JSON line out
  pledgewatch help

Options:
  --json                 one JSON document instead of the readable summary
  --jsonl                read {"id","url","source","published","text"} lines on stdin
  --published DATE       publication date; relative dates ("on Tuesday") are resolved against it
`;

/** Runs a command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract':
      // loaded on demand: the language model takes most of a second to read
      return (await import('./extract.js')).runExtractCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`pledgewatch: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

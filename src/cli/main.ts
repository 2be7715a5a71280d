import { helpRequested } from './help.js';

const USAGE = `pledgewatch — a source-linked ledger of international support commitments, from news

Usage:
  pledgewatch demo                                                 load the demo articles into ./data/pledgewatch.db and show the ledger
  pledgewatch extract FILE|- [--json] [--explain] [--published YYYY-MM-DD]
                                                                   facts of one article (text or HTML); --explain: the rule behind each field
  pledgewatch extract --jsonl < articles.jsonl                    batch: one JSON line in, one JSON line out
  pledgewatch ingest PATH|URL… [--json] [--queue] [--allow-private]
                                                                   store articles (.txt .html .json .jsonl, folders, URLs, RSS/Atom feeds)
  pledgewatch ledger [--donor LT] [--recipient UA] [--category …] [--status …] [--since DATE] [--until DATE] [--gdp-year 2021] [--totals [--eu-shared]] [--json]
  pledgewatch export commitments --format csv|json|xlsx [--layout default|kiel [--with-planned]] [ledger filters] > ledger.csv
  pledgewatch reprocess [--all]                                   re-extract stored articles after the extractor changed
  pledgewatch worker [--concurrency N]                            process queued articles (needs REDIS_URL)
  pledgewatch serve [--host 127.0.0.1] [--port 8787] [--extract-threads 1]
                                                                   API and workbench; OpenAPI docs at /docs
  pledgewatch sources add URL [--every 15m] [--name N] [--allow-private]
                                                                   watch a feed or page: \`serve\` (or workers, with REDIS_URL) polls it
  pledgewatch sources list | sources remove ID|URL                 the watched sources with last and next fetch, items seen, last error
  pledgewatch subscriptions add --webhook URL [--donor DE] [--recipient …] [--category …] [--status …] [--min-eur N]
                                                                   alerts on new and changed ledger rows, posted signed to a webhook
  pledgewatch subscriptions list | deliveries ID | remove ID      subscriptions, each delivery and attempt
  pledgewatch token create --role viewer|reviewer|admin           an API token (needed to serve beyond loopback)
  pledgewatch token list | token revoke ID                         the tokens by id, name and role; revoke one
  pledgewatch backup FILE|- [--db URL]                             every row of the database as JSON lines
  pledgewatch restore FILE|- [--db URL]                            a backup read into a new, empty database (SQLite or PostgreSQL)
  pledgewatch move --from ./data/pledgewatch.db --to postgres://… copy everything to a new database and check every table's count
  pledgewatch help                                                 this text; pledgewatch COMMAND --help: a command's options and an example

Options:
  --json                 machine-readable output
  --jsonl                read {"id","url","source","published","text"} lines on stdin
  --published DATE       publication date; relative dates ("on Tuesday") are resolved against it
  --db PATH|URL          a SQLite file or a postgres:// URL (default: DATABASE_URL, else ./data/pledgewatch.db)
`;

/** Runs a command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const help = command ? helpRequested(command, rest) : null;
  if (help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  switch (command) {
    // commands are loaded on demand: the language model takes most of a second to read
    case 'extract':
      return (await import('./extract.js')).runExtractCommand(rest);
    case 'demo':
      return (await import('./demo.js')).runDemoCommand(rest);
    case 'ingest':
      return (await import('./ingest.js')).runIngestCommand(rest);
    case 'ledger':
      return (await import('./ledger.js')).runLedgerCommand(rest);
    case 'export':
      return (await import('./export.js')).runExportCommand(rest);
    case 'reprocess':
      return (await import('./reprocess.js')).runReprocessCommand(rest);
    case 'serve':
      return (await import('./serve.js')).runServeCommand(rest);
    case 'token':
      return (await import('./token.js')).runTokenCommand(rest);
    case 'backup':
      return (await import('./transfer.js')).runBackupCommand(rest);
    case 'restore':
      return (await import('./transfer.js')).runRestoreCommand(rest);
    case 'move':
      return (await import('./transfer.js')).runMoveCommand(rest);
    case 'worker':
      return (await import('./worker.js')).runWorkerCommand(rest);
    case 'sources':
      return (await import('./sources.js')).runSourcesCommand(rest);
    case 'subscriptions':
      return (await import('./subscriptions.js')).runSubscriptionsCommand(rest);
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

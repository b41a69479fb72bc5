// wortlupe scan <file.txt | page.html | URL | -> [--list FILE]… [--lang de] [--json]
// wortlupe check-lists <files…>
import { checkLists } from './check-lists';
import { CliError } from './errors';
import { scanCommand } from './scan';

const USAGE = `Usage:
  wortlupe scan <file.txt | page.html | URL | -> [--list FILE]… [--lang de|en] [--json]
  wortlupe check-lists <list.json>…`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan':
      return scanCommand(rest);
    case 'check-lists':
      return checkLists(rest);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new CliError(`unknown command "${command}": use "wortlupe scan" or "wortlupe check-lists" (wortlupe --help)`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    console.error(`wortlupe: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
}

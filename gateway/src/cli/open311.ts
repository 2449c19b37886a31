import { parseArgs } from 'node:util';
import { loadGatewayConfig } from '../config';
import { AppNameTaken, Open311Store, type AppChannel } from '../open311/apps';

export const USAGE = `Registers an app with the Open311 GeoReport v2 facade (/open311/v2/) and prints its api_key.

  npm run -s open311 -- add-app <name> [--channel APP|WEB]

The key is printed once and stored only as a hash in the gateway's database (MONGO_URL,
OPEN311_DB); each key may make OPEN311_REQUESTS_PER_MINUTE calls a minute. --channel is the
channel the app's orders arrive on: APP (a mobile app, the default) or WEB.`;

interface Output {
  write(text: string): unknown;
}

class UsageError extends Error {}

/** Runs the CLI; returns the exit code. Only the key goes to `stdout`, so `$(…)` captures it. */
export async function runOpen311Cli(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  stdout: Output = process.stdout,
  stderr: Output = process.stderr,
): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    (argv.length === 0 ? stderr : stdout).write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  let store: Open311Store | null = null;
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { channel: { type: 'string', default: 'APP' } },
    });
    const [command, ...names] = positionals;
    if (command !== 'add-app') throw new UsageError(`Unknown command "${command ?? ''}": the command is add-app <name>.`);
    const name = names.join(' ').trim();
    if (!name || name.length > 100)
      throw new UsageError('add-app takes the app\'s name (1–100 characters), e.g. add-app "Jianxi FixMyStreet".');
    const channel = (values.channel ?? 'APP').toUpperCase();
    if (channel !== 'APP' && channel !== 'WEB') throw new UsageError(`--channel is APP or WEB, not "${values.channel}".`);
    const config = loadGatewayConfig(env);
    store = new Open311Store({
      mongoUrl: config.MONGO_URL,
      dbName: config.OPEN311_DB,
      requestsPerMinute: config.OPEN311_REQUESTS_PER_MINUTE,
    });
    const { app, apiKey } = await store.addApp(name, channel as AppChannel);
    stderr.write(`Registered ${app.name} (${app._id}, channel ${app.channel}). Keep the key: it is not shown again.\n`);
    stdout.write(`${apiKey}\n`);
    return 0;
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!usage && !(err instanceof AppNameTaken)) {
      stderr.write(`Could not register the app: ${(err as Error).message}\n`);
      return 1;
    }
    stderr.write(`${(err as Error).message}\n${usage ? '\nRun with --help for usage.\n' : ''}`);
    return 2;
  } finally {
    await store?.close();
  }
}

if (require.main === module) {
  void runOpen311Cli().then((code) => {
    process.exitCode = code;
  });
}

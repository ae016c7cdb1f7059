import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { consoleUrls } from '../../shared/console/console-navigation';
import { seedDemo } from './seed';
import { startLocalStack } from './stack';
import { localDataDir } from './data-dir';

// `npm start [-- --no-seed]`: the whole of Convene on this machine, data kept in .local/.
const args = new Set(process.argv.slice(2));
const unknownArgs = [...args].filter((a) => a !== '--no-seed');
if (unknownArgs.length > 0) {
  process.stderr.write(`Unknown option ${unknownArgs.join(' ')}. Usage: npm start [-- --no-seed]\n`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);
const mailPort = Number(process.env.MAIL_PORT ?? 8005);
const dataDir = localDataDir();

const stack = await startLocalStack({ port, mailPort, dataDir });

let stopping = false;
const stop = async (signal: string): Promise<void> => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping Convene (DynamoDB Local, mail, emulators, API)...\n`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

const seedFile = path.join(dataDir, 'seed.json');
let demoEventId: string | undefined;
if (!args.has('--no-seed')) {
  const previous = existsSync(seedFile)
    ? (JSON.parse(readFileSync(seedFile, 'utf8')) as { eventId?: string })
    : {};
  const stillThere =
    previous.eventId && (await fetch(`${stack.url}/events/${previous.eventId}`)).status === 200;
  demoEventId = stillThere ? previous.eventId : await seedDemo(stack.url, stack.clock.now());
  writeFileSync(seedFile, JSON.stringify({ eventId: demoEventId }));
}

process.stdout.write(
  [
    '',
    'Convene is running locally.',
    `  API           ${stack.url}`,
    `  OpenAPI       ${stack.url}/openapi.json`,
    `  Mail viewer   ${stack.mailViewerUrl}`,
    // The local stand-in for Cognito's sign-in: choose organiser or comms, then the console as on AWS.
    `  Console       ${stack.url}${consoleUrls.signIn}   (sign in as an organiser or the comms team)`,
    ...(demoEventId
      ? [`  Demo event    ${stack.url}/events/${demoEventId}   (open it in a browser: the event page)`]
      : []),
    `  Local clock   ${stack.url}/local/clock (POST {"advanceBy":"P7D"} to move it)`,
    '  Tokens        npm run --silent token -- organisers   (or: comms)',
    `  Data          ${dataDir}`,
    'Ctrl-C stops everything.',
    '',
  ].join('\n'),
);

// A consumer in its own process: reports each message it receives, then never finishes it, so the
// parent can SIGKILL it mid-message.
import { BusConfig, openBus } from './bus-config';

async function main() {
  const { bus: config, subject, durable } = JSON.parse(process.env.CHILD_CONFIG ?? '{}') as {
    bus: BusConfig;
    subject: string;
    durable: string;
  };
  const bus = await openBus(config);
  await bus.subscribe(subject, {
    durable,
    handler: (message) => {
      process.stdout.write(`received ${message.messageId} ${message.attempt}\n`);
      return new Promise<void>(() => undefined);
    },
  });
  process.stdout.write('ready\n');
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});

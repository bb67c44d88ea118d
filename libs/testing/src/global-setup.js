// Probes PostgreSQL and NATS once per jest run; describeWithServices reads the result from the environment.
const net = require('net');

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

module.exports = async () => {
  const pg = new URL(process.env.TEST_DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const nats = new URL(process.env.TEST_NATS_URL || 'nats://127.0.0.1:4222');
  const [pgUp, natsUp] = await Promise.all([
    reachable(pg.hostname, Number(pg.port || 5432)),
    reachable(nats.hostname, Number(nats.port || 4222)),
  ]);
  process.env.DSAAS_TEST_POSTGRES_UP = pgUp ? '1' : '0';
  process.env.DSAAS_TEST_NATS_UP = natsUp ? '1' : '0';
  if (process.env.REQUIRE_SERVICES === '1' && (!pgUp || !natsUp)) {
    throw new Error(`REQUIRE_SERVICES=1 but postgres=${pgUp} nats=${natsUp}`);
  }
};

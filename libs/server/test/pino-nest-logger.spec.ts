import { Writable } from 'stream';
import { Logger } from '@nestjs/common';
import pino from 'pino';
import { PinoNestLogger } from '../src';

function capture() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: new PinoNestLogger(pino({ level: 'info', base: { service: 'svc-a' } }, stream)) };
}

describe('PinoNestLogger', () => {
  it('writes JSON with the service, context and message', () => {
    const { lines, logger } = capture();
    logger.log('listening', 'Bootstrap');
    expect(lines[0]).toMatchObject({ level: 30, service: 'svc-a', context: 'Bootstrap', msg: 'listening' });
  });

  it('takes structured fields and a message the nestjs-pino way', () => {
    const { lines, logger } = capture();
    logger.log({ clientId: 'c1' }, 'created the client', 'Clients');
    expect(lines[0]).toMatchObject({ clientId: 'c1', msg: 'created the client', context: 'Clients' });
  });

  it("moves Nest's start-up chatter below info", () => {
    const { lines, logger } = capture();
    logger.log('Mapped {/x, GET} route', 'RouterExplorer');
    expect(lines).toHaveLength(0);
  });

  it('keeps each service its own name in one process', () => {
    const a = capture();
    const b = { lines: [] as any[] };
    const other = new PinoNestLogger(
      pino({ base: { service: 'svc-b' } }, new Writable({ write: (c, _e, d) => (b.lines.push(JSON.parse(c.toString())), d()) })),
    );
    a.logger.warn('from a');
    other.warn('from b');
    expect(a.lines[0].service).toBe('svc-a');
    expect(b.lines[0].service).toBe('svc-b');
  });

  it("stamps lines of Nest's process-wide Logger with the service whose scope is running", async () => {
    const a = capture();
    const b = { lines: [] as any[] };
    const bLogger = pino({ base: { service: 'svc-b' } }, new Writable({ write: (c, _e, d) => (b.lines.push(JSON.parse(c.toString())), d()) }));
    // The last service to start owns Nest's static instance, as in the platform.
    Logger.overrideLogger(new PinoNestLogger(bLogger));
    const aPino = (a.logger as any).logger;
    await PinoNestLogger.scope.run(aPino, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      new Logger('Catalog').warn('written by a');
    });
    new Logger('Data').warn('written outside any scope');
    Logger.overrideLogger(false);
    expect(a.lines.map((l) => l.msg)).toEqual(['written by a']);
    expect(b.lines.map((l) => l.msg)).toEqual(['written outside any scope']);
  });
});

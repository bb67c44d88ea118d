import { PublishOptions } from '../event-bus.port';

/** A payload plus publish options (dedup id, ordering key, headers), for `JetStreamClient.emit`. */
export class JetStreamRecord<T = unknown> {
  constructor(
    readonly data: T,
    readonly options: PublishOptions = {},
  ) {}
}

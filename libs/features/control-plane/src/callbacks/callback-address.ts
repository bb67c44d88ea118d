import { isHttpUrl } from '@dsaas/model';

/** An EDC CallbackAddress as stored with a negotiation or transfer process (only the fields we act on). */
export interface CallbackAddress {
  uri: string;
  events: string[];
  authKey?: string;
  authCodeId?: string;
}

/**
 * The stored entries that want `eventType`, EDC matching: an entry's event matches when the event type name starts
 * with it (`contract.negotiation` takes every negotiation event). Entries without an http(s) uri are skipped, as
 * the management API stores what it was given.
 */
export function callbackAddressesFor(stored: readonly unknown[], eventType: string): CallbackAddress[] {
  return stored.flatMap((entry) => {
    const address = asCallbackAddress(entry);
    return address && address.events.some((prefix) => eventType.startsWith(prefix)) ? [address] : [];
  });
}

function asCallbackAddress(entry: unknown): CallbackAddress | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { uri, events, authKey, authCodeId } = entry as Record<string, unknown>;
  if (!isHttpUrl(uri)) return undefined;
  const list = (Array.isArray(events) ? events : [events]).filter((e): e is string => typeof e === 'string' && e.length > 0);
  return {
    uri,
    events: list,
    ...(typeof authKey === 'string' ? { authKey } : {}),
    ...(typeof authCodeId === 'string' ? { authCodeId } : {}),
  };
}

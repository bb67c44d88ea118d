import { gunzipSync, gzipSync } from 'node:zlib';
import { ValidationException } from '@dsaas/model';

/** Bitstring Status List v1.0 §4.1: at least 16 KiB of bits, so one index tells an observer little. */
export const MIN_STATUS_LIST_LENGTH = 131072;

/** Decompressed size we accept from a remote list (a gzip bomb must not exhaust memory): 16 MiB = 134M entries. */
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

/**
 * W3C Bitstring Status List v1.0: one bit per credential; index 0 is the left-most (most significant) bit of the
 * first byte. Encoded as multibase base64url ('u' prefix, no padding) of the GZIP-compressed bitstring.
 */
export class BitstringStatusList {
  private constructor(private readonly bytes: Uint8Array) {}

  static create(length: number = MIN_STATUS_LIST_LENGTH): BitstringStatusList {
    if (!Number.isInteger(length) || length <= 0 || length % 8 !== 0) {
      throw new ValidationException(`status list length must be a positive multiple of 8, got ${length}`);
    }
    return new BitstringStatusList(new Uint8Array(length / 8));
  }

  static decode(encodedList: string): BitstringStatusList {
    if (typeof encodedList !== 'string' || encodedList.length < 2) throw new ValidationException('encodedList is empty');
    // StatusList2021 lists carry no multibase prefix; a GZIP stream in base64url always starts with 'H4sI'.
    const base64 = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList.startsWith('H4sI') ? encodedList : undefined;
    if (base64 === undefined) throw new ValidationException("encodedList is not multibase base64url (expected a 'u' prefix)");
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(base64)) throw new ValidationException('encodedList is not base64url');
    let bytes: Buffer;
    try {
      bytes = gunzipSync(Buffer.from(base64, 'base64url'), { maxOutputLength: MAX_DECODED_BYTES });
    } catch (error) {
      throw new ValidationException(`encodedList is not a GZIP bitstring: ${error?.message ?? error}`);
    }
    if (bytes.length === 0) throw new ValidationException('encodedList decodes to an empty bitstring');
    return new BitstringStatusList(new Uint8Array(bytes));
  }

  get length(): number {
    return this.bytes.length * 8;
  }

  get(index: number): boolean {
    this.checkIndex(index);
    return (this.bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, value: boolean): void {
    this.checkIndex(index);
    const mask = 0x80 >> (index & 7);
    if (value) this.bytes[index >> 3] |= mask;
    else this.bytes[index >> 3] &= ~mask;
  }

  encode(): string {
    return 'u' + gzipSync(this.bytes).toString('base64url');
  }

  private checkIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new ValidationException(`status list index ${index} is outside 0..${this.length - 1}`);
    }
  }
}

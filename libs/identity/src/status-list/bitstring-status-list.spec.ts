import { gunzipSync, gzipSync } from 'node:zlib';
import { ValidationException } from '@dsaas/model';
import { BitstringStatusList, MIN_STATUS_LIST_LENGTH } from './bitstring-status-list';
import { buildStatusListCredential, buildStatusListEntry } from './status-list-credential';

describe('BitstringStatusList', () => {
  it('defaults to the 131072-bit minimum, all clear', () => {
    const list = BitstringStatusList.create();
    expect(list.length).toBe(MIN_STATUS_LIST_LENGTH);
    expect(list.get(0)).toBe(false);
    expect(list.get(131071)).toBe(false);
  });

  it('decodes the all-clear example of the W3C spec (§2.2)', () => {
    const list = BitstringStatusList.decode('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA');
    expect(list.length).toBe(131072);
    expect(list.get(94567)).toBe(false);
  });

  it('also reads a StatusList2021 list without the multibase prefix', () => {
    expect(BitstringStatusList.decode('H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA').length).toBe(131072);
  });

  it('puts index 0 in the most significant bit of the first byte', () => {
    const list = BitstringStatusList.create(16);
    list.set(0, true);
    list.set(7, true);
    list.set(9, true);
    const encoded = list.encode();
    expect(encoded.startsWith('uH4sI')).toBe(true);
    expect([...gunzipSync(Buffer.from(encoded.slice(1), 'base64url'))]).toEqual([0b1000_0001, 0b0100_0000]);
  });

  it('decodes a list built by hand: bytes 0x80 0x01 0x00 set indexes 0 and 15 only', () => {
    const encoded = 'u' + gzipSync(Buffer.from([0x80, 0x01, 0x00])).toString('base64url');
    const list = BitstringStatusList.decode(encoded);
    expect(list.length).toBe(24);
    const set = Array.from({ length: 24 }, (_, index) => index).filter((index) => list.get(index));
    expect(set).toEqual([0, 15]);
  });

  it('round-trips set and cleared bits through encode/decode', () => {
    const list = BitstringStatusList.create();
    const indexes = [0, 1, 8, 4095, 94567, 131071];
    for (const index of indexes) list.set(index, true);
    list.set(1, false);
    const decoded = BitstringStatusList.decode(list.encode());
    expect(decoded.length).toBe(list.length);
    for (const index of indexes) expect(decoded.get(index)).toBe(index !== 1);
    expect(decoded.get(2)).toBe(false);
    // the default list is small on the wire: GZIP of 16 KiB of mostly zeros
    expect(list.encode().length).toBeLessThan(200);
  });

  it('refuses indexes outside the list and bad encodings', () => {
    const list = BitstringStatusList.create(8);
    expect(() => list.get(8)).toThrow(ValidationException);
    expect(() => list.set(-1, true)).toThrow(ValidationException);
    expect(() => list.get(1.5)).toThrow(ValidationException);
    expect(() => BitstringStatusList.create(10)).toThrow(ValidationException);
    expect(() => BitstringStatusList.decode('zabc')).toThrow(ValidationException);
    expect(() => BitstringStatusList.decode('uAAAA')).toThrow(ValidationException);
    expect(() => BitstringStatusList.decode('u!!!')).toThrow(ValidationException);
  });
});

describe('buildStatusListCredential', () => {
  it('describes the list as a BitstringStatusListCredential', () => {
    const list = BitstringStatusList.create();
    list.set(3, true);
    const credential = buildStatusListCredential({ id: 'https://issuer.example.com/status/1', issuerDid: 'did:web:issuer.example.com', list });
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://issuer.example.com/status/1',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:issuer.example.com',
      credentialSubject: { id: 'https://issuer.example.com/status/1#list', type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    const encodedList = (credential.credentialSubject as { encodedList: string }).encodedList;
    expect(BitstringStatusList.decode(encodedList).get(3)).toBe(true);
    expect(typeof credential.validFrom).toBe('string');
  });

  it('builds the entry a credential points with', () => {
    expect(buildStatusListEntry({ statusListCredential: 'https://issuer.example.com/status/1', index: 94567 })).toEqual({
      id: 'https://issuer.example.com/status/1#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://issuer.example.com/status/1',
    });
  });
});

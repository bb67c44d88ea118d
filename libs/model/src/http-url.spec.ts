import { isHttpUrl } from './http-url';

describe('isHttpUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(isHttpUrl('http://127.0.0.1:8080/api')).toBe(true);
    expect(isHttpUrl('https://provider.example.com/api/dsp/p/2025-1')).toBe(true);
  });

  it('refuses other schemes, relative or malformed URLs and non-strings', () => {
    for (const value of ['ftp://example.com', 'file:///etc/passwd', 'javascript:alert(1)', '/relative', 'not a url', '', undefined, 42, {}]) {
      expect(isHttpUrl(value)).toBe(false);
    }
  });
});

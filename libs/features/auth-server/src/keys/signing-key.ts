/** A signing key as the admin API shows it (never the private part). */
export interface SigningKeyInfo {
  kid: string;
  algorithm: string;
  createdAt: Date;
  /** When it stopped signing; undefined for the active key. */
  retiredAt?: Date;
  /** When it leaves the JWKS (every token it signed has expired by then). */
  expiresAt?: Date;
}

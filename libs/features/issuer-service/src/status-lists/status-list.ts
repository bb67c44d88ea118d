/** One BitstringStatusList of an issuer context. */
export interface StatusList {
  id: string;
  issuerContextId: string;
  purpose: 'revocation';
  encodedList: string;
  length: number;
  nextIndex: number;
  /** The signed status list credential for the current bits, when cached. */
  jwt?: string;
  updatedAt: Date;
}

/** A credential's place in a status list. */
export interface StatusListSlot {
  listId: string;
  index: number;
}

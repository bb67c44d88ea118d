/** An organisation: the billing and support boundary. */
export interface Tenant {
  id: string;
  /** Operator-defined attributes (billing account, contract tier, support contact, ...). */
  properties: Record<string, unknown>;
  createdAt: string;
  version: number;
}

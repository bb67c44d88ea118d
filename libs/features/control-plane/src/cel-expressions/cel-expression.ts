/** Policy scopes a CEL expression can apply in. */
export const CEL_SCOPES = ['catalog', 'contract.negotiation', 'transfer.process'] as const;
export type CelScope = (typeof CEL_SCOPES)[number];

/** A platform-wide CEL expression: decides policy constraints whose leftOperand matches, in its scopes. */
export interface CelExpression {
  id: string;
  leftOperand: string;
  expression: string;
  description?: string;
  scopes: CelScope[];
  createdAt: Date;
  updatedAt: Date;
}

import { BindParameter, SqlField } from '../common/criteria-sql';

const TEXT_COLUMNS: Record<string, string> = {
  '@id': 'id',
  id: 'id',
  state: 'state',
  type: 'role',
  counterPartyId: 'counter_party_id',
  counterPartyAddress: 'counter_party_address',
  protocol: 'protocol',
  assetId: 'asset_id',
  contractAgreementId: 'agreement_id',
  'contractAgreement.id': 'agreement_id',
};

/** Contract negotiation fields for QuerySpec filters (EDC names): id, state, type, counterPartyId, correlationId, contractAgreementId, createdAt, ... */
export function contractNegotiationField(field: string, _bind: BindParameter): SqlField | undefined {
  const column = TEXT_COLUMNS[field];
  if (column) return { kind: 'text', expression: `"e"."${column}"` };
  if (field === 'correlationId') return { kind: 'text', expression: `CASE WHEN "e"."role" = 'CONSUMER' THEN "e"."provider_pid" ELSE "e"."consumer_pid" END` };
  if (field === 'createdAt') return { kind: 'timestamp', expression: '"e"."created_at"' };
  if (field === 'stateTimestamp' || field === 'updatedAt') return { kind: 'timestamp', expression: '"e"."updated_at"' };
  return undefined;
}

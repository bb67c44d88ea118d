import { BindParameter, jsonField, SqlField } from '../common/criteria-sql';

const TEXT_COLUMNS: Record<string, string> = {
  '@id': 'id',
  id: 'id',
  state: 'state',
  type: 'role',
  assetId: 'asset_id',
  contractId: 'agreement_id',
  transferType: 'transfer_type',
  counterPartyId: 'counter_party_id',
  counterPartyAddress: 'counter_party_address',
  dataPlaneId: 'data_plane_id',
};

/** Transfer process fields for QuerySpec filters (EDC names): id, state, type, assetId, contractId, ..., createdAt, privateProperties.<key>. */
export function transferProcessField(field: string, bind: BindParameter): SqlField | undefined {
  const column = TEXT_COLUMNS[field];
  if (column) return { kind: 'text', expression: `"e"."${column}"` };
  // The counter-party's pid, whichever side we are.
  if (field === 'correlationId') return { kind: 'text', expression: `CASE WHEN "e"."role" = 'CONSUMER' THEN "e"."provider_pid" ELSE "e"."consumer_pid" END` };
  if (field === 'createdAt') return { kind: 'timestamp', expression: '"e"."created_at"' };
  if (field === 'stateTimestamp') return { kind: 'timestamp', expression: '"e"."updated_at"' };
  if (field.startsWith('privateProperties.')) return jsonField('"e"."private_properties"', field.slice('privateProperties.'.length), bind);
  return undefined;
}

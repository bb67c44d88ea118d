import { BindParameter, jsonField, SqlField } from '../common/criteria-sql';

const TEXT_COLUMNS: Record<string, string> = {
  '@id': 'id',
  id: 'id',
  assetId: 'asset_id',
  providerId: 'provider_id',
  consumerId: 'consumer_id',
  negotiationId: 'negotiation_id',
};

/** Contract agreement fields for QuerySpec filters (EDC names): id, assetId, providerId, consumerId, contractSigningDate, createdAt, policy.<path>. */
export function contractAgreementField(field: string, bind: BindParameter): SqlField | undefined {
  const column = TEXT_COLUMNS[field];
  if (column) return { kind: 'text', expression: `"e"."${column}"` };
  if (field === 'contractSigningDate' || field === 'signingDate') return { kind: 'timestamp', expression: '"e"."signing_date"' };
  if (field === 'createdAt') return { kind: 'timestamp', expression: '"e"."created_at"' };
  if (field.startsWith('policy.')) return jsonField('"e"."policy"', field.slice('policy.'.length), bind);
  return undefined;
}

import { BindParameter, jsonField, SqlField } from '../common/criteria-sql';

/** Contract definition fields for QuerySpec filters: id, createdAt, both policy ids, assetsSelector, privateProperties.<key>. */
export function contractDefinitionField(field: string, bind: BindParameter): SqlField | undefined {
  switch (field) {
    case '@id':
    case 'id':
      return { kind: 'text', expression: '"e"."id"' };
    case 'createdAt':
      return { kind: 'timestamp', expression: '"e"."created_at"' };
    case 'accessPolicyId':
      return { kind: 'text', expression: '"e"."access_policy_id"' };
    case 'contractPolicyId':
      return { kind: 'text', expression: '"e"."contract_policy_id"' };
    case 'assetsSelector':
      return jsonField('"e"."assets_selector"', '', bind);
    case 'privateProperties':
      return jsonField('"e"."private_properties"', '', bind);
  }
  if (field.startsWith('privateProperties.')) return jsonField('"e"."private_properties"', field.slice('privateProperties.'.length), bind);
  return undefined;
}

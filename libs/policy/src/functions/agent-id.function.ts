import { valueOperand } from './value-operand';

/** `agent.id`: the counter-party's identifier (DID), e.g. `isAnyOf ['did:web:a', 'did:web:b']`. */
export const agentIdOperand = valueOperand((context) => context.agent.id);

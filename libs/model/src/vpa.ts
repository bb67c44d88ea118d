/** The kinds of Virtual Participant Agent a participant gets, one per runtime service. */
export enum VpaType {
  Connector = 'cfm.connector',
  CredentialService = 'cfm.credentialservice',
  DataPlane = 'cfm.dataplane',
  Issuer = 'cfm.issuer',
}

export enum DeploymentState {
  Initial = 'initial',
  Pending = 'pending',
  Active = 'active',
  Disposing = 'disposing',
  Disposed = 'disposed',
  Locked = 'locked',
  Offline = 'offline',
  Error = 'error',
}

/** Which state changes are allowed; anything else is a bug or a replayed message. */
export const DEPLOYMENT_STATE_TRANSITIONS: Readonly<Record<DeploymentState, readonly DeploymentState[]>> = {
  [DeploymentState.Initial]: [DeploymentState.Pending, DeploymentState.Error],
  [DeploymentState.Pending]: [DeploymentState.Active, DeploymentState.Error, DeploymentState.Disposing],
  [DeploymentState.Active]: [DeploymentState.Locked, DeploymentState.Offline, DeploymentState.Disposing, DeploymentState.Error],
  [DeploymentState.Locked]: [DeploymentState.Active, DeploymentState.Disposing],
  [DeploymentState.Offline]: [DeploymentState.Active, DeploymentState.Disposing, DeploymentState.Error],
  [DeploymentState.Error]: [DeploymentState.Pending, DeploymentState.Disposing],
  [DeploymentState.Disposing]: [DeploymentState.Disposed, DeploymentState.Error],
  [DeploymentState.Disposed]: [],
};

export function canTransition(from: DeploymentState, to: DeploymentState): boolean {
  return DEPLOYMENT_STATE_TRANSITIONS[from].includes(to);
}

/** A participant's agent in one runtime service, placed on one cell. */
export interface VirtualParticipantAgent {
  id: string;
  type: VpaType;
  participantProfileId: string;
  cellId: string;
  state: DeploymentState;
  stateTimestamp: string;
  error?: string;
  properties: Record<string, unknown>;
}

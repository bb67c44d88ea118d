import { DeploymentState } from './vpa';

/** A runtime deployment unit (a set of control plane, identity hub, data plane, issuer replicas) VPAs are placed on. */
export interface Cell {
  id: string;
  /** Where the cell runs (region, cluster). */
  location?: string;
  state: DeploymentState;
  /** Base URLs of the cell's services, by service name. */
  endpoints: Record<string, string>;
  /** How many participant contexts the cell accepts. */
  capacity?: number;
  properties: Record<string, unknown>;
}

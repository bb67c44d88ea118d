import { canTransition, DEPLOYMENT_STATE_TRANSITIONS, DeploymentState } from './vpa';

describe('VPA deployment states', () => {
  it('allows the provisioning path and disposal', () => {
    expect(canTransition(DeploymentState.Initial, DeploymentState.Pending)).toBe(true);
    expect(canTransition(DeploymentState.Pending, DeploymentState.Active)).toBe(true);
    expect(canTransition(DeploymentState.Active, DeploymentState.Disposing)).toBe(true);
    expect(canTransition(DeploymentState.Disposing, DeploymentState.Disposed)).toBe(true);
  });

  it('never leaves disposed and never jumps from initial to active', () => {
    expect(DEPLOYMENT_STATE_TRANSITIONS[DeploymentState.Disposed]).toEqual([]);
    expect(canTransition(DeploymentState.Initial, DeploymentState.Active)).toBe(false);
  });

  it('lets an errored deployment be retried or compensated', () => {
    expect(canTransition(DeploymentState.Error, DeploymentState.Pending)).toBe(true);
    expect(canTransition(DeploymentState.Error, DeploymentState.Disposing)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { daemonSetStatus } from './status-daemonset';
import { deploymentStatus } from './status-deployment';
import { statusViewerFor } from './status-viewer';

describe('statusViewerFor', () => {
  it('picks the viewer of the kind', () => {
    expect(statusViewerFor('apps', 'Deployment')).toBe(deploymentStatus);
    const ds = { metadata: { name: 'x' }, spec: { updateStrategy: { type: 'OnDelete' } } };
    expect(statusViewerFor('apps', 'DaemonSet')(ds, 0)).toEqual(daemonSetStatus(ds));
    expect(statusViewerFor('apps', 'StatefulSet')(ds, 0)).toEqual({ error: 'rollout status is only available for RollingUpdate strategy type' });
  });

  it("names other kinds as schema.GroupKind prints them", () => {
    expect(() => statusViewerFor('', 'Pod')).toThrow('no status viewer has been implemented for Pod');
    expect(() => statusViewerFor('apps', 'ReplicaSet')).toThrow('no status viewer has been implemented for ReplicaSet.apps');
  });
});

import { describe, expect, it } from 'vitest';
import { historyViewerFor } from './history-viewer';
import { deploymentHistory } from './history-deployment';
import { rollbackerFor } from './rollbacker';
import { rollbackDeployment } from './undo-deployment';

describe('rollbackerFor and historyViewerFor', () => {
  it('serve Deployments, DaemonSets and StatefulSets', () => {
    expect(rollbackerFor('apps', 'Deployment')).toBe(rollbackDeployment);
    expect(historyViewerFor('apps', 'Deployment')).toBe(deploymentHistory);
    for (const kind of ['DaemonSet', 'StatefulSet']) {
      expect(typeof rollbackerFor('apps', kind)).toBe('function');
      expect(typeof historyViewerFor('apps', kind).view).toBe('function');
    }
  });

  it('refuse other workload kinds with the "not implemented" message', () => {
    expect(() => rollbackerFor('', 'Pod')).toThrow('no rollbacker has been implemented for "Pod"');
    expect(() => historyViewerFor('apps', 'ReplicaSet')).toThrow('no history viewer has been implemented for "ReplicaSet.apps"');
    expect(() => historyViewerFor('batch', 'CronJob')).toThrow('no history viewer has been implemented for "CronJob.batch"');
  });

  it('refuse kinds the visitor does not know, printing the GroupKind as Go does', () => {
    expect(() => rollbackerFor('example.com', 'Widget')).toThrow('error retrieving rollbacker for "Widget.example.com", no visitor method exists for {example.com Widget}');
    expect(() => historyViewerFor('', 'Service')).toThrow('error retrieving history for "Service", no visitor method exists for { Service}');
  });
});

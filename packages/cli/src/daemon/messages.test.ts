import { describe, expect, it } from 'vitest';
import { formatUptime, statusMessage, upMessage } from './messages';

const base = { name: 'mk', url: 'http://127.0.0.1:4000', contextName: 'mk-mk', alreadyRunning: false, pid: 42, resumed: false, stateDir: '/h/.mk/mk' };

describe('upMessage', () => {
  it('says where the cluster is and which context was set', () => {
    expect(upMessage({ ...base, mergedInto: '/h/.kube/config' })).toBe(
      'Cluster "mk" is up: API server at http://127.0.0.1:4000\nSet kubectl context to "mk-mk" in /h/.kube/config\nYou can now use your cluster with:\n\nkubectl cluster-info --context mk-mk\n',
    );
  });

  it('tells how to use the kubeconfig directly with --no-merge, naming non-default clusters', () => {
    expect(upMessage({ ...base, name: 'dev', contextName: 'mk-dev', resumed: true })).toBe(
      'Cluster "dev" is up: API server at http://127.0.0.1:4000\nResumed from the state in /h/.mk/mk\nYou can now use your cluster with:\n\nKUBECONFIG=$(mk kubeconfig --name dev) kubectl get pods\n',
    );
  });

  it('says so when the cluster was already running', () => {
    expect(upMessage({ ...base, alreadyRunning: true, resumed: true }).split('\n')[0]).toBe('Cluster "mk" is already running: API server at http://127.0.0.1:4000 (pid 42)');
  });
});

describe('statusMessage', () => {
  const now = new Date('2025-01-01T01:00:00Z');
  it('shows a running cluster with its uptime', () => {
    const text = statusMessage('mk', { kind: 'running', pid: 42, port: 4000, url: 'http://127.0.0.1:4000', startedAt: new Date('2025-01-01T00:58:55Z'), ready: true }, '/h/.mk/mk', '/h/.mk/mk/kubeconfig', now);
    expect(text).toBe(
      'Cluster "mk" is running\nAPI server:  http://127.0.0.1:4000\nPID:         42\nPort:        4000\nUptime:      1m5s\nState:       /h/.mk/mk\nKubeconfig:  /h/.mk/mk/kubeconfig\n"mk down" stops it; "mk up" then resumes from the same state.\n',
    );
  });

  it('shows a stopped cluster and how it resumes', () => {
    expect(statusMessage('dev', { kind: 'stopped', port: 4000 }, '/h/.mk/dev', '', now)).toBe(
      'Cluster "dev" is stopped\nState:       /h/.mk/dev\nPort:        4000\n"mk up --name dev" resumes it from this state on port 4000.\n',
    );
  });

  it('shows a cluster that does not exist', () => {
    expect(statusMessage('mk', { kind: 'absent' }, '/h/.mk/mk', '', now)).toBe('Cluster "mk" does not exist (no state in /h/.mk/mk); create it with "mk up"\n');
  });
});

describe('formatUptime', () => {
  it('prints Go-style durations of whole seconds', () => {
    expect(formatUptime(999)).toBe('0s');
    expect(formatUptime(45_000)).toBe('45s');
    expect(formatUptime(187_000)).toBe('3m7s');
    expect(formatUptime(26 * 3_600_000 + 5_000)).toBe('26h0m5s');
  });
});

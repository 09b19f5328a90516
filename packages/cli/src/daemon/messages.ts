/** What the lifecycle commands print (pure, so the wording is tested without starting anything). */
import { DEFAULT_CLUSTER_NAME } from '@mk/client';
import type { ClusterState } from './probe';

/** `--name N` when N is not the default, for commands the user is told to run. */
export function nameFlag(name: string): string {
  return name === DEFAULT_CLUSTER_NAME ? '' : ` --name ${name}`;
}

/** What `mk up` did and where the cluster is. */
export interface UpReport {
  name: string;
  url: string;
  contextName: string;
  alreadyRunning: boolean;
  pid: number;
  /** The state folder already held a cluster before this start. */
  resumed: boolean;
  stateDir: string;
  /** Kubeconfig file the context was merged into (undefined with --no-merge). */
  mergedInto?: string;
}

/** upMessage is kind-like: where the API server is, which context is set, and how to use it. */
export function upMessage(r: UpReport): string {
  const lines: string[] = [];
  if (r.alreadyRunning) lines.push(`Cluster "${r.name}" is already running: API server at ${r.url} (pid ${r.pid})`);
  else lines.push(`Cluster "${r.name}" is up: API server at ${r.url}`);
  if (r.resumed && !r.alreadyRunning) lines.push(`Resumed from the state in ${r.stateDir}`);
  if (r.mergedInto) {
    lines.push(`Set kubectl context to "${r.contextName}" in ${r.mergedInto}`);
    lines.push('You can now use your cluster with:', '', `kubectl cluster-info --context ${r.contextName}`);
  } else {
    lines.push('You can now use your cluster with:', '', `KUBECONFIG=$(mk kubeconfig${nameFlag(r.name)}) kubectl get pods`);
  }
  return lines.join('\n') + '\n';
}

/** statusMessage describes a cluster's state; `now` dates the uptime. */
export function statusMessage(name: string, state: ClusterState, stateDir: string, kubeconfig: string, now: Date): string {
  switch (state.kind) {
    case 'absent':
      return `Cluster "${name}" does not exist (no state in ${stateDir}); create it with "mk up${nameFlag(name)}"\n`;
    case 'stopped':
      return (
        `Cluster "${name}" is stopped\n` +
        `State:       ${stateDir}\n` +
        (state.port ? `Port:        ${state.port}\n` : '') +
        `"mk up${nameFlag(name)}" resumes it from this state${state.port ? ` on port ${state.port}` : ''}.\n`
      );
    case 'running':
      return (
        `Cluster "${name}" is ${state.ready ? 'running' : 'starting (API server not ready yet)'}\n` +
        `API server:  ${state.url ?? 'unknown'}\n` +
        `PID:         ${state.pid}\n` +
        (state.port ? `Port:        ${state.port}\n` : '') +
        `Uptime:      ${formatUptime(now.getTime() - state.startedAt.getTime())}\n` +
        `State:       ${stateDir}\n` +
        `Kubeconfig:  ${kubeconfig}\n` +
        `"mk down${nameFlag(name)}" stops it; "mk up${nameFlag(name)}" then resumes from the same state.\n`
      );
  }
}

/** formatUptime prints whole seconds the way Go prints a duration: 45s, 3m7s, 26h0m5s. */
export function formatUptime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

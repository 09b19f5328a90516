/**
 * The Pod `kubectl run` generates (BasicPod in pkg/generate/versioned/run.go), field for field in
 * the order Go serialises the typed structs, so `--dry-run=client -o json|yaml` matches kubectl:
 * label run=NAME unless --labels, one container named NAME, `resources: {}`, dnsPolicy ClusterFirst.
 */
import { compareBytes, type KObject } from '@mk/api';

/** What the generator takes from the command line. */
export interface RunPodSpec {
  name: string;
  /** Set only for --dry-run=client with an explicit -n (kubectl's EnforceNamespace). */
  namespace?: string;
  image: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  env: { name: string; value: string }[];
  /** Arguments after NAME: the container's args, or its command with --command. */
  args: string[];
  command: boolean;
  /** --port, when given. */
  port?: number;
  /** --restart as given; '' means Always. */
  restart: string;
  imagePullPolicy: string;
  privileged: boolean;
  stdin: boolean;
  leaveStdinOpen: boolean;
  tty: boolean;
}

/** A Go map serialises with sorted keys. */
export function sortedMap(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => compareBytes(a, b)));
}

/** Builds the Pod; omitted fields are those Go's omitempty drops. */
export function runPodObject(s: RunPodSpec): KObject {
  const container: Record<string, unknown> = { name: s.name, image: s.image };
  if (s.args.length > 0) container[s.command ? 'command' : 'args'] = s.args;
  if (s.port !== undefined) container.ports = [{ containerPort: s.port }];
  if (s.env.length > 0) container.env = s.env.map((e) => (e.value === '' ? { name: e.name } : { name: e.name, value: e.value }));
  container.resources = {};
  if (s.imagePullPolicy) container.imagePullPolicy = s.imagePullPolicy;
  if (s.privileged) container.securityContext = { privileged: true };
  if (s.stdin) container.stdin = true;
  if (s.stdin && !s.leaveStdinOpen) container.stdinOnce = true;
  if (s.tty) container.tty = true;

  const metadata: Record<string, unknown> = { name: s.name };
  if (s.namespace) metadata.namespace = s.namespace;
  metadata.creationTimestamp = null;
  metadata.labels = sortedMap(s.labels);
  if (Object.keys(s.annotations).length > 0) metadata.annotations = sortedMap(s.annotations);

  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: s.restart || 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

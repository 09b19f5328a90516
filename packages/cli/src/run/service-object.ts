/**
 * The Service `kubectl run --expose` generates (ServiceGeneratorV2 with run's parameters): named
 * after the pod, selecting its labels (run=NAME by default), one TCP port whose targetPort is the
 * same number, in the order Go serialises the typed structs.
 */
import type { KObject } from '@mk/api';
import { sortedMap } from './pod-object';

/** What the service generator receives from `run`. */
export interface RunServiceSpec {
  name: string;
  namespace?: string;
  port: number;
  /** --labels as given ('' when not): the service's labels and selector. */
  labels: Record<string, string> | undefined;
}

/** Builds the Service. */
export function runServiceObject(s: RunServiceSpec): KObject {
  const metadata: Record<string, unknown> = { name: s.name };
  if (s.namespace) metadata.namespace = s.namespace;
  metadata.creationTimestamp = null;
  if (s.labels && Object.keys(s.labels).length > 0) metadata.labels = sortedMap(s.labels);
  const selector = s.labels && Object.keys(s.labels).length > 0 ? s.labels : { run: s.name };
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata,
    spec: { ports: [{ protocol: 'TCP', port: s.port, targetPort: s.port }], selector: sortedMap(selector) },
    status: { loadBalancer: {} },
  };
}

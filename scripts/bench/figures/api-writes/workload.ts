/**
 * The writes of the API writes/s figure (pure): ConfigMaps with a small
 * `data` payload, each with the exact JSON text the mk client sends and the
 * etcd key kube-apiserver would store it under, so both sides write the same
 * bytes per object.
 */
import type { ConfigMap } from 'kubernetes-types/core/v1';

/** One object to write: mk POSTs `json` to its namespace; etcd puts `json` under `key`. */
export interface WriteItem {
  name: string;
  namespace: string;
  /** `/registry/configmaps/<namespace>/<name>`, kube-apiserver's etcd key layout. */
  key: string;
  /** The request body as sent on the wire (also the etcd value). */
  json: string;
}

/** kube-apiserver's etcd key for a ConfigMap. */
export function configMapKey(namespace: string, name: string): string {
  return `/registry/configmaps/${namespace}/${name}`;
}

/** A ConfigMap with a small payload, a few hundred bytes of JSON, as a typical app config. */
export function benchConfigMap(name: string, namespace: string, index: number): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, labels: { app: 'bench-writes' } },
    data: {
      'app.properties': `mode=bench\nindex=${index}\nlog.level=info\n`,
      'greeting.txt': 'hello from the API writes benchmark',
    },
  };
}

/** `count` ConfigMaps named `<prefix>-0…` in `namespace`. */
export function configMapWrites(namespace: string, prefix: string, count: number): WriteItem[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${prefix}-${i}`;
    return { name, namespace, key: configMapKey(namespace, name), json: JSON.stringify(benchConfigMap(name, namespace, i)) };
  });
}

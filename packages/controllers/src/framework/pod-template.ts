/**
 * controller.GetPodFromTemplate: the pod a workload controller creates from
 * its template — labels, annotations, finalizers and spec copied, a
 * generateName from the owner's name, and the controller reference.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';

/** Upstream getPodsPrefix: `<name>-`, or the bare name when the dash would make an invalid prefix. */
export function podNamePrefix(ownerName: string): string {
  const prefix = `${ownerName}-`;
  return /^[a-z0-9]([-a-z0-9.]*)?$/.test(prefix) ? prefix : ownerName;
}

/** A new pod from template for namespace, owned by controllerRef (its name is left to generateName unless `name` is given). */
export function podFromTemplate(template: Readonly<PodTemplateSpec> | undefined, namespace: string, controllerRef: OwnerReference, name?: string): Pod {
  const t = structuredClone(template ?? {}) as PodTemplateSpec;
  const meta = t.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(name ? { name } : { generateName: podNamePrefix(controllerRef.name) }),
      namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [{ ...controllerRef }],
    },
    spec: t.spec ?? { containers: [] },
  };
  return pod;
}

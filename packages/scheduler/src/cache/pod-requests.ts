/**
 * What a pod asks of a node (component-helpers' resource.PodRequests): the sum
 * of its containers, or the largest init container if that is bigger, where
 * restartable init containers (sidecars) keep running and so add up, plus the
 * pod overhead.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { addAmount, addResources, emptyResources, maxResources, resourceAmount, resourcesFromList, type ResourceList, type Resources } from './resources';

/** schedutil.DefaultMilliCPURequest: what scoring assumes for a container without a CPU request. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** schedutil.DefaultMemoryRequest: 200 MiB, assumed for a container without a memory request. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** The non-zero defaults scoring substitutes for missing cpu/memory requests (NonMissingContainerRequests). */
const NON_MISSING_DEFAULTS: Record<string, number> = { cpu: DEFAULT_MILLI_CPU_REQUEST, memory: DEFAULT_MEMORY_REQUEST };

interface ContainerLike {
  resources?: { requests?: ResourceList | Record<string, unknown> } | null;
  restartPolicy?: string;
}

function containerRequests(c: ContainerLike, nonMissing: boolean): Resources {
  const list = (c.resources?.requests ?? {}) as ResourceList;
  const out = resourcesFromList(list);
  if (nonMissing) {
    for (const [name, amount] of Object.entries(NON_MISSING_DEFAULTS)) {
      if (list[name] === undefined || list[name] === null) addAmount(out, name, amount);
    }
  }
  return out;
}

/**
 * resource.PodRequests. With `nonMissing`, containers that request no cpu or
 * memory count as 100m / 200Mi (what the scoring plugins use so BestEffort pods
 * still spread).
 */
export function podRequests(pod: Pod, nonMissing = false): Resources {
  const spec = pod.spec;
  const reqs = emptyResources();
  for (const c of spec?.containers ?? []) addResources(reqs, containerRequests(c as ContainerLike, nonMissing));

  const restartable = emptyResources();
  const initMax = emptyResources();
  for (const c of spec?.initContainers ?? []) {
    const r = containerRequests(c as ContainerLike, nonMissing);
    if ((c as ContainerLike).restartPolicy === 'Always') {
      // A sidecar runs alongside the regular containers and every later init container.
      addResources(reqs, r);
      addResources(restartable, r);
      maxResources(initMax, restartable);
    } else {
      const during = emptyResources();
      addResources(during, r);
      addResources(during, restartable);
      maxResources(initMax, during);
    }
  }
  maxResources(reqs, initMax);

  for (const [name, q] of Object.entries((spec?.overhead ?? {}) as ResourceList)) {
    if (q !== undefined && q !== null) addAmount(reqs, name, resourceAmount(name, q));
  }
  return reqs;
}

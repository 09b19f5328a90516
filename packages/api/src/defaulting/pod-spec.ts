/** PodSpec defaults shared by Pods and pod templates (SetDefaults_PodSpec and everything inside). */
import { defaultContainer } from './container';
import { defaultPointer, defaultString, objectsIn, type JsonObject } from './set-default';
import { defaultVolume } from './volumes';

/** Defaults a pod spec in place. */
export function defaultPodSpec(spec: JsonObject): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  defaultPointer(spec, 'securityContext', {});
  defaultPointer(spec, 'terminationGracePeriodSeconds', 30);
  defaultString(spec, 'schedulerName', 'default-scheduler');
  // v1 conversion keeps the deprecated serviceAccount in step with serviceAccountName.
  if (!spec.serviceAccountName && typeof spec.serviceAccount === 'string' && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const c of objectsIn(spec, list)) defaultContainer(c);
  }
  for (const v of objectsIn(spec, 'volumes')) defaultVolume(v);
}

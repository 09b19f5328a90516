/** Container defaults (SetDefaults_Container, probes, handlers, ports, downward API refs). */
import { defaultNumber, defaultPointer, defaultString, isObject, objectsIn, type JsonObject } from './set-default';
import { defaultPullPolicy } from './image-pull-policy';

/** SetDefaults_HTTPGetAction. */
function defaultHandler(handler: unknown): void {
  if (!isObject(handler)) return;
  if (isObject(handler.httpGet)) {
    defaultString(handler.httpGet, 'path', '/');
    defaultString(handler.httpGet, 'scheme', 'HTTP');
  }
  if (isObject(handler.grpc)) defaultPointer(handler.grpc, 'service', '');
}

/** SetDefaults_Probe plus its handler. */
function defaultProbe(probe: unknown): void {
  if (!isObject(probe)) return;
  defaultHandler(probe);
  defaultNumber(probe, 'timeoutSeconds', 1);
  defaultNumber(probe, 'periodSeconds', 10);
  defaultNumber(probe, 'successThreshold', 1);
  defaultNumber(probe, 'failureThreshold', 3);
}

/** ObjectFieldSelector apiVersion v1; ResourceFieldSelector divisor serialises as "0" when unset (Go zero Quantity). */
export function defaultFieldRefs(holder: JsonObject): void {
  if (isObject(holder.fieldRef)) defaultString(holder.fieldRef, 'apiVersion', 'v1');
  if (isObject(holder.resourceFieldRef)) defaultPointer(holder.resourceFieldRef, 'divisor', '0');
}

/** Defaults one container of any kind (regular, init, ephemeral). */
export function defaultContainer(c: JsonObject): void {
  defaultString(c, 'imagePullPolicy', defaultPullPolicy(typeof c.image === 'string' ? c.image : ''));
  defaultString(c, 'terminationMessagePath', '/dev/termination-log');
  defaultString(c, 'terminationMessagePolicy', 'File');
  for (const p of objectsIn(c, 'ports')) defaultString(p, 'protocol', 'TCP');
  // ResourceRequirements is a struct, so Go always serialises it.
  defaultPointer(c, 'resources', {});
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[probe]);
  if (isObject(c.lifecycle)) {
    defaultHandler(c.lifecycle.postStart);
    defaultHandler(c.lifecycle.preStop);
  }
  for (const env of objectsIn(c, 'env')) if (isObject(env.valueFrom)) defaultFieldRefs(env.valueFrom);
}

import type { KindInfo, KObject } from '../types';
import { applyPodDefaults, preparePodForCreate, preparePodForUpdate } from '../../defaulting/pod';
import { validatePod } from '../../validation/kinds/pod';
import { fieldBool, fieldString, stringSelectors } from './field-values';

// The first pod IP; v1 objects may carry only the singular podIP.
function podIP(o: KObject): string {
  const ips = (o.status as { podIPs?: Array<{ ip?: string }> } | undefined)?.podIPs;
  return ips?.[0]?.ip ?? fieldString(o, 'status.podIP');
}

/** core/v1 Pod. */
export const pod: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  subresources: ['status', 'binding', 'log', 'exec', 'attach', 'eviction', 'portforward'],
  hasGeneration: false,
  statusFields: ['status'],
  fieldSelectors: {
    ...stringSelectors('spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName'),
    'spec.hostNetwork': (o) => fieldBool(o, 'spec.hostNetwork'),
    'status.phase': (o) => fieldString(o, 'status.phase'),
    'status.podIP': podIP,
    'status.nominatedNodeName': (o) => fieldString(o, 'status.nominatedNodeName'),
  },
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyPodDefaults,
  validate: validatePod,
  prepareForCreate: preparePodForCreate,
  prepareForUpdate: preparePodForUpdate,
};

import type { KindInfo } from '../types';
import { applyDaemonSetDefaults, INITIAL_STATUS } from '../../defaulting/apps';
import { validateDaemonSet } from '../../validation/kinds/daemonset';

/** apps/v1 DaemonSet. */
export const daemonSet: KindInfo = {
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  singular: 'daemonset',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  subresources: ['status'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyDaemonSetDefaults,
  validate: validateDaemonSet,
  prepareForCreate(obj) {
    applyDaemonSetDefaults(obj);
    obj.status = { ...INITIAL_STATUS.DaemonSet };
    setTemplateGeneration(obj, 1);
  },
  prepareForUpdate(obj, old) {
    // As upstream's strategy: the template generation moves with every template change.
    const previous = Number(old.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 0) || 0;
    // Defaults come after this hook on the update path; compare the templates as they will be stored.
    const incoming = structuredClone(obj);
    applyDaemonSetDefaults(incoming);
    const changed = JSON.stringify((incoming.spec as { template?: unknown } | undefined)?.template) !== JSON.stringify((old.spec as { template?: unknown } | undefined)?.template);
    setTemplateGeneration(obj, changed ? previous + 1 : previous || 1);
  },
};

/**
 * apps/v1 keeps the internal spec.templateGeneration as this annotation; the
 * DaemonSet controller labels pods `pod-template-generation` from it.
 */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

function setTemplateGeneration(obj: { metadata?: { annotations?: Record<string, string> } }, generation: number): void {
  const meta = (obj.metadata ??= {});
  meta.annotations = { ...(meta.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(generation) };
}

import { describe, expect, it } from 'vitest';
import type { KObject } from '../registry/types';
import { applyServiceDefaults, prepareServiceForCreate, prepareServiceForUpdate } from './service';

const svc = (spec: Record<string, unknown>): KObject => ({ metadata: { name: 'web' }, spec });

describe('Service defaults', () => {
  it('ClusterIP service', () => {
    const s = svc({ selector: { app: 'web' }, ports: [{ port: 80 }] });
    prepareServiceForCreate(s);
    expect(s.spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('NodePort and LoadBalancer services are externally accessible', () => {
    const np = svc({ type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] });
    applyServiceDefaults(np);
    expect(np.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const lb = svc({ type: 'LoadBalancer', ports: [{ port: 80 }] });
    applyServiceDefaults(lb);
    expect(lb.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
  });

  it('ClientIP affinity gets a 3 hour timeout; None drops the config', () => {
    const a = svc({ sessionAffinity: 'ClientIP', ports: [{ port: 1 }] });
    applyServiceDefaults(a);
    expect((a.spec as Record<string, unknown>).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    const b = svc({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } });
    applyServiceDefaults(b);
    expect(b.spec).not.toHaveProperty('sessionAffinityConfig');
  });

  it('syncs clusterIPs from clusterIP and picks families from it', () => {
    const s = svc({ clusterIP: 'fd00::10', ports: [{ port: 80 }] });
    prepareServiceForCreate(s);
    expect(s.spec).toMatchObject({ clusterIPs: ['fd00::10'], ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack' });
  });

  it('headless services without a selector require dual-stack', () => {
    const s = svc({ clusterIP: 'None' });
    prepareServiceForCreate(s);
    expect(s.spec).toMatchObject({ clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'RequireDualStack' });
    const withSelector = svc({ clusterIP: 'None', selector: { app: 'x' } });
    prepareServiceForCreate(withSelector);
    expect(withSelector.spec).toMatchObject({ ipFamilyPolicy: 'SingleStack' });
  });

  it('ExternalName services get no families or internal policy', () => {
    const s = svc({ type: 'ExternalName', externalName: 'example.com' });
    prepareServiceForCreate(s);
    expect(s.spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });
});

describe('Service update', () => {
  const stored = (): KObject =>
    svc({
      type: 'NodePort',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }],
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
    });

  it('keeps allocated addresses and ports the request left out', () => {
    const next = svc({ type: 'NodePort', ports: [{ name: 'http', port: 8080 }] });
    prepareServiceForUpdate(next, stored());
    expect(next.spec).toMatchObject({
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }],
    });
  });

  it('drops node ports and the external policy when the type becomes ClusterIP', () => {
    const next = stored();
    (next.spec as Record<string, unknown>).type = 'ClusterIP';
    prepareServiceForUpdate(next, stored());
    expect((next.spec as { ports: unknown[] }).ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(next.spec).not.toHaveProperty('externalTrafficPolicy');
  });

  it('drops addresses and families when the type becomes ExternalName', () => {
    const next = stored();
    Object.assign(next.spec as object, { type: 'ExternalName', externalName: 'example.com' });
    prepareServiceForUpdate(next, stored());
    expect(next.spec).not.toHaveProperty('clusterIP');
    expect(next.spec).not.toHaveProperty('clusterIPs');
    expect(next.spec).not.toHaveProperty('ipFamilies');
    expect(next.spec).not.toHaveProperty('ipFamilyPolicy');
    expect(next.spec).not.toHaveProperty('internalTrafficPolicy');
  });

  it('a changed clusterIP carries clusterIPs with it', () => {
    const next = stored();
    (next.spec as Record<string, unknown>).clusterIP = '10.96.0.99';
    prepareServiceForUpdate(next, stored());
    expect((next.spec as Record<string, unknown>).clusterIPs).toEqual(['10.96.0.99']);
  });
});

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../registry/types';
import { createErrors, updateErrors } from '../test-support';

const svc = (spec: Record<string, unknown>, name = 'web'): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });

describe('Service validation', () => {
  it('accepts ClusterIP, NodePort, headless and ExternalName services', () => {
    expect(createErrors(svc({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }))).toEqual([]);
    expect(createErrors(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([]);
    expect(createErrors(svc({ clusterIP: 'None', selector: { app: 'db' } }))).toEqual([]);
    expect(createErrors(svc({ type: 'ExternalName', externalName: 'example.com.' }))).toEqual([]);
  });

  it('names are DNS-1035 labels', () => {
    expect(createErrors(svc({ ports: [{ port: 80 }] }, '1web'))).toEqual([
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['ports required', {}, ['spec.ports: Required value']],
    ['port range', { ports: [{ port: 0 }, { name: 'b', port: 70000, targetPort: 80 }] }, [
      'spec.ports[0].name: Required value',
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      // targetPort defaults to port, so it is out of range too.
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]],
    ['target port name', { ports: [{ port: 80, targetPort: 'HTTP' }] }, [
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]],
    ['duplicate port names', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }, ['spec.ports[1].name: Duplicate value: "http"']],
    ['duplicate ports', { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }, [
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]],
    ['type', { type: 'Internal', ports: [{ port: 80 }] }, ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['nodePort on ClusterIP', { ports: [{ port: 80, nodePort: 30000 }] }, ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['duplicate node ports', { type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30001 }, { name: 'b', port: 81, nodePort: 30001 }] }, ['spec.ports[1].nodePort: Duplicate value: 30001']],
    ['headless NodePort', { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }, ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"]],
    ['ExternalName needs a name', { type: 'ExternalName' }, ['spec.externalName: Required value']],
    ['bad cluster IP', { clusterIP: '10.0.0.300', ports: [{ port: 80 }] }, ['spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
    ['session affinity', { sessionAffinity: 'Sticky', ports: [{ port: 80 }] }, ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
    ['affinity timeout', { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } }, ports: [{ port: 80 }] }, [
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400',
    ]],
    ['externalTrafficPolicy on ClusterIP', { externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }, ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
    ['selector labels', { selector: { app: 'a b' }, ports: [{ port: 80 }] }, [expect.stringMatching(/^spec\.selector: Invalid value: "a b": a valid label must be/)]],
  ])('%s', (_n, spec, want) => {
    expect(createErrors(svc(spec))).toEqual(want);
  });
});

describe('Service update validation', () => {
  const stored = svc({ clusterIP: '10.96.0.10', selector: { app: 'web' }, ports: [{ port: 80 }] });

  it('keeps the cluster IP when an update leaves it out', () => {
    expect(updateErrors(stored, (next) => {
      const spec = next.spec as Record<string, unknown>;
      delete spec.clusterIP;
      delete spec.clusterIPs;
    })).toEqual([]);
  });

  it('refuses a new cluster IP', () => {
    expect(updateErrors(stored, (next) => void ((next.spec as Record<string, unknown>).clusterIP = '10.96.0.11'))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set',
    ]);
  });

  it('allows a type change to NodePort', () => {
    expect(updateErrors(stored, (next) => void ((next.spec as Record<string, unknown>).type = 'NodePort'))).toEqual([]);
  });
});

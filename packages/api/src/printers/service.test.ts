import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { servicePrinter } from './service';

const now = new Date('2024-05-01T12:00:00Z');

function svc(spec: object, status: object = {}): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', creationTimestamp: '2024-05-01T11:00:00Z' }, spec, status };
}

describe('service printer', () => {
  it('declares upstream columns', () => {
    expect(servicePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Type:0', 'Cluster-IP:0', 'External-IP:0', 'Port(s):0', 'Age:0', 'Selector:1',
    ]);
  });

  it.each<[string, object, object, (string | number)[]]>([
    [
      'ClusterIP',
      { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web', tier: 'fe' } },
      {},
      ['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '60m', 'app=web,tier=fe'],
    ],
    [
      'NodePort with several ports',
      { type: 'NodePort', clusterIPs: ['10.96.0.11'], ports: [{ port: 80, nodePort: 31378, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] },
      {},
      ['web', 'NodePort', '10.96.0.11', '<none>', '80:31378/TCP,53/UDP', '60m', '<none>'],
    ],
    [
      'LoadBalancer pending',
      { type: 'LoadBalancer', clusterIPs: ['10.96.0.12'], ports: [{ port: 443, nodePort: 30443, protocol: 'TCP' }] },
      {},
      ['web', 'LoadBalancer', '10.96.0.12', '<pending>', '443:30443/TCP', '60m', '<none>'],
    ],
    [
      'LoadBalancer with ingress IPs and hostnames, sorted, never clipped',
      { type: 'LoadBalancer', clusterIPs: ['10.96.0.13'], ports: [{ port: 80, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '3.4.5.6' }, { ip: '2.3.4.5' }, { ip: '5.6.7.8', hostname: 'h' }, { hostname: 'lb.example.com' }] } },
      ['web', 'LoadBalancer', '10.96.0.13', '2.3.4.5,3.4.5.6,5.6.7.8,lb.example.com', '80/TCP', '60m', '<none>'],
    ],
    [
      'LoadBalancer plus external IPs',
      { type: 'LoadBalancer', clusterIPs: ['10.96.0.14'], externalIPs: ['9.9.9.9'], ports: [{ port: 80, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '1.1.1.1' }] } },
      ['web', 'LoadBalancer', '10.96.0.14', '1.1.1.1,9.9.9.9', '80/TCP', '60m', '<none>'],
    ],
    [
      'ClusterIP with external IPs',
      { type: 'ClusterIP', clusterIPs: ['10.96.0.15'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, protocol: 'TCP' }] },
      {},
      ['web', 'ClusterIP', '10.96.0.15', '1.2.3.4,5.6.7.8', '80/TCP', '60m', '<none>'],
    ],
    [
      'headless',
      { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }], selector: { app: 'db' } },
      {},
      ['web', 'ClusterIP', 'None', '<none>', '5432/TCP', '60m', 'app=db'],
    ],
    [
      'ExternalName without ports',
      { type: 'ExternalName', externalName: 'db.example.com' },
      {},
      ['web', 'ExternalName', '<none>', 'db.example.com', '<none>', '60m', '<none>'],
    ],
    [
      'legacy clusterIP only, SCTP port',
      { type: 'ClusterIP', clusterIP: '10.96.0.16', ports: [{ port: 7777, protocol: 'SCTP' }] },
      {},
      ['web', 'ClusterIP', '10.96.0.16', '<none>', '7777/SCTP', '60m', '<none>'],
    ],
    ['no type at all', { clusterIPs: ['10.96.0.17'], ports: [{ port: 80 }] }, {}, ['web', '', '10.96.0.17', '<unknown>', '80/TCP', '60m', '<none>']],
  ])('%s', (_, spec, status, cells) => {
    expect(servicePrinter.printRow(svc(spec, status), now)).toEqual(cells);
  });
});

import { describe, expect, it } from 'vitest';
import { HostPortTable } from '../../cache/host-ports';
import { SKIP } from '../../framework/types';
import { cacheOf, makeNode, makePod, podInfo } from '../../testing/builders';
import { ERR_REASON, fitsPorts, nodePorts } from './node-ports';

describe('NodePorts', () => {
  it('rejects a node where the host port is taken', () => {
    const cache = cacheOf([makeNode('n')], [makePod('web', { nodeName: 'n', hostPorts: [8080] })]);
    const s = nodePorts.filter(podInfo('p', { hostPorts: [8080] }), cache.get('n')!);
    expect(s?.code).toBe('Unschedulable');
    expect(s?.reasons).toEqual([ERR_REASON]);
    expect(ERR_REASON).toBe("node(s) didn't have free ports for the requested pod ports");
    expect(nodePorts.filter(podInfo('p', { hostPorts: [8081] }), cache.get('n')!)).toBeNull();
  });

  it('skips pods without host ports', () => {
    expect(nodePorts.preFilter(podInfo('p'))).toBe(SKIP);
  });

  it('treats 0.0.0.0 as clashing with every IP, but different IPs and protocols as distinct', () => {
    const used = new HostPortTable();
    used.add({ hostIP: '10.0.0.1', protocol: 'TCP', port: 80 });
    expect(fitsPorts([{ hostIP: '0.0.0.0', protocol: 'TCP', port: 80 }], used)).toBe(false);
    expect(fitsPorts([{ hostIP: '10.0.0.2', protocol: 'TCP', port: 80 }], used)).toBe(true);
    expect(fitsPorts([{ hostIP: '10.0.0.1', protocol: 'UDP', port: 80 }], used)).toBe(true);
    used.add({ hostIP: '0.0.0.0', protocol: 'UDP', port: 53 });
    expect(fitsPorts([{ hostIP: '10.0.0.9', protocol: 'UDP', port: 53 }], used)).toBe(false);
    used.remove({ hostIP: '0.0.0.0', protocol: 'UDP', port: 53 });
    expect(fitsPorts([{ hostIP: '10.0.0.9', protocol: 'UDP', port: 53 }], used)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { envKubeconfigFiles, kubeconfigReadOrder, kubeconfigWriteTarget } from './paths';

describe('kubeconfig paths', () => {
  it('splits $KUBECONFIG, dropping empties and duplicates', () => {
    expect(envKubeconfigFiles({ KUBECONFIG: '/a::/b:/a' })).toEqual(['/a', '/b']);
    expect(envKubeconfigFiles({})).toEqual([]);
  });

  it('reads --kubeconfig alone, else $KUBECONFIG, else ~/.kube/config', () => {
    expect(kubeconfigReadOrder({ kubeconfig: '/k', env: { KUBECONFIG: '/a' } })).toEqual({ files: ['/k'], explicit: true });
    expect(kubeconfigReadOrder({ env: { KUBECONFIG: '/a:/b' } })).toEqual({ files: ['/a', '/b'], explicit: false });
    expect(kubeconfigReadOrder({ env: { HOME: '/home/u' } })).toEqual({ files: ['/home/u/.kube/config'], explicit: false });
  });

  it('writes where kubectl config would: the only, else first existing, else last $KUBECONFIG file', () => {
    expect(kubeconfigWriteTarget({ env: { KUBECONFIG: '/a' } }, () => false)).toBe('/a');
    expect(kubeconfigWriteTarget({ env: { KUBECONFIG: '/a:/b:/c' } }, (p) => p === '/b' || p === '/c')).toBe('/b');
    expect(kubeconfigWriteTarget({ env: { KUBECONFIG: '/a:/b:/c' } }, () => false)).toBe('/c');
    expect(kubeconfigWriteTarget({ kubeconfig: '/k', env: { KUBECONFIG: '/a' } })).toBe('/k');
    expect(kubeconfigWriteTarget({ env: { HOME: '/home/u' } })).toBe('/home/u/.kube/config');
  });
});

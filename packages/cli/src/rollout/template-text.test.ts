import { describe, expect, it } from 'vitest';
import { podTemplateText } from './template-text';

describe('podTemplateText', () => {
  it('writes the Pod Template block with its tabs unaligned, as kubectl printTemplate does', () => {
    const text = podTemplateText({
      metadata: { labels: { app: 'web', 'pod-template-hash': '5d4f8' }, annotations: { 'kubernetes.io/change-cause': 'set image' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
    });
    expect(text).toBe(
      [
        'Pod Template:',
        '  Labels:\tapp=web',
        '\tpod-template-hash=5d4f8',
        '  Annotations:\tkubernetes.io/change-cause: set image',
        '  Containers:',
        '   nginx:',
        '    Image:\tnginx:1.25',
        '    Port:\t80/TCP',
        '    Host Port:\t0/TCP',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
      ].join('\n'),
    );
  });
});

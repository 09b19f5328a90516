import { describe, expect, it } from 'vitest';
import { parseFileSource } from './data-sources';
import { containerName, deploymentObject } from './objects';

describe('create generators', () => {
  it('derives container names from images like kubectl', () => {
    expect(containerName('nginx')).toBe('nginx');
    expect(containerName('registry.example.com:5000/team/api:1.2')).toBe('api');
    expect(containerName('busybox@sha256:abc')).toBe('busybox');
    expect(containerName('my_app.v2:1', () => 'abcde')).toBe('my-app-v2-abcde');
  });

  it('gives a single-image deployment its port and command', () => {
    const d = deploymentObject({ name: 'w', images: ['nginx'], port: 8080, replicas: 1, command: ['nginx', '-g', 'daemon off;'] });
    expect((d.spec as { template: { spec: unknown } }).template.spec).toEqual({
      containers: [{ name: 'nginx', image: 'nginx', command: ['nginx', '-g', 'daemon off;'], resources: {}, ports: [{ containerPort: 8080 }] }],
    });
  });

  it('parses --from-file sources', () => {
    expect(parseFileSource('dir/app.conf')).toEqual({ key: 'app.conf', file: 'dir/app.conf' });
    expect(parseFileSource('k=dir/app.conf')).toEqual({ key: 'k', file: 'dir/app.conf' });
    expect(() => parseFileSource('=f')).toThrow('key name for file path f missing');
    expect(() => parseFileSource('k=')).toThrow('file path for key name k missing');
    expect(() => parseFileSource('a=b=c')).toThrow("key names or file paths cannot contain '='");
  });
});

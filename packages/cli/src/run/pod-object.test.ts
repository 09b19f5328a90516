import { describe, expect, it } from 'vitest';
import { goJsonStruct } from '../manifests/go-json';
import { runPodObject, type RunPodSpec } from './pod-object';
import { runServiceObject } from './service-object';

const base: RunPodSpec = {
  name: 'r1',
  image: 'nginx',
  labels: { run: 'r1' },
  annotations: {},
  env: [],
  args: [],
  command: false,
  restart: 'Always',
  imagePullPolicy: '',
  privileged: false,
  stdin: false,
  leaveStdinOpen: false,
  tty: false,
};

describe('runPodObject', () => {
  it("is kubectl run's minimal pod", () => {
    expect(goJsonStruct(runPodObject(base))).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"r1","creationTimestamp":null,"labels":{"run":"r1"}},' +
        '"spec":{"containers":[{"name":"r1","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}',
    );
  });

  it('orders every optional field as the Go structs do', () => {
    const pod = runPodObject({
      ...base,
      labels: { c: 'd', a: 'b' },
      annotations: { x: 'y' },
      env: [{ name: 'A', value: '1' }, { name: 'B', value: '' }],
      args: ['sleep', '10'],
      port: 80,
      restart: 'Never',
      imagePullPolicy: 'IfNotPresent',
      privileged: true,
    });
    expect(goJsonStruct(pod)).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"r1","creationTimestamp":null,"labels":{"a":"b","c":"d"},"annotations":{"x":"y"}},' +
        '"spec":{"containers":[{"name":"r1","image":"nginx","args":["sleep","10"],"ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"},{"name":"B"}],' +
        '"resources":{},"imagePullPolicy":"IfNotPresent","securityContext":{"privileged":true}}],"restartPolicy":"Never","dnsPolicy":"ClusterFirst"},"status":{}}',
    );
  });

  it('puts arguments into command with --command, and sets stdin fields for -i/-t', () => {
    const container = (runPodObject({ ...base, args: ['sh', '-c', 'date'], command: true, stdin: true, tty: true }).spec as { containers: object[] }).containers[0];
    expect(container).toEqual({ name: 'r1', image: 'nginx', command: ['sh', '-c', 'date'], resources: {}, stdin: true, stdinOnce: true, tty: true });
    const open = (runPodObject({ ...base, stdin: true, leaveStdinOpen: true }).spec as { containers: object[] }).containers[0];
    expect(open).toEqual({ name: 'r1', image: 'nginx', resources: {}, stdin: true });
  });

  it('defaults an empty restart policy to Always and carries an enforced namespace', () => {
    const pod = runPodObject({ ...base, restart: '', namespace: 'dev' });
    expect(pod.spec).toMatchObject({ restartPolicy: 'Always' });
    expect(Object.keys(pod.metadata!)).toEqual(['name', 'namespace', 'creationTimestamp', 'labels']);
  });
});

describe('runServiceObject', () => {
  it('selects run=NAME and targets the same port by default', () => {
    expect(goJsonStruct(runServiceObject({ name: 'r1', port: 80, labels: undefined }))).toBe(
      '{"kind":"Service","apiVersion":"v1","metadata":{"name":"r1","creationTimestamp":null},' +
        '"spec":{"ports":[{"protocol":"TCP","port":80,"targetPort":80}],"selector":{"run":"r1"}},"status":{"loadBalancer":{}}}',
    );
  });

  it('uses --labels as labels and selector', () => {
    const svc = runServiceObject({ name: 'r1', port: 5701, labels: { app: 'hz' } });
    expect(svc.metadata).toEqual({ name: 'r1', creationTimestamp: null, labels: { app: 'hz' } });
    expect(svc.spec).toMatchObject({ selector: { app: 'hz' } });
  });
});

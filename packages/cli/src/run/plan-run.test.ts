import { describe, expect, it } from 'vitest';
import { ATTACH_UNSUPPORTED, planRun, type RunFlags, type RunInput } from './plan-run';

const flags: RunFlags = {
  image: 'nginx',
  env: [],
  annotations: [],
  labels: '',
  port: '',
  restart: 'Always',
  imagePullPolicy: '',
  command: false,
  privileged: false,
  stdin: false,
  tty: false,
  leaveStdinOpen: false,
  rm: false,
  expose: false,
  overrides: '',
  overrideType: 'merge',
  podRunningTimeoutMs: 60_000,
};

function input(over: Partial<RunInput> = {}, f: Partial<RunFlags> = {}): RunInput {
  return { args: ['r1'], argsLenAtDash: -1, dryRun: 'none', namespace: 'default', namespaceExplicit: false, ...over, flags: { ...flags, ...f } };
}

const usage = (m: string) => `${m}\nSee 'mk run -h' for help and examples`;

describe('planRun', () => {
  it('generates the pod with label run=NAME and the arguments after NAME', () => {
    const plan = planRun(input({ args: ['r1', 'sleep', '10'], argsLenAtDash: 1 }));
    expect(plan.pod.metadata).toEqual({ name: 'r1', creationTimestamp: null, labels: { run: 'r1' } });
    expect((plan.pod.spec as { containers: unknown[] }).containers).toEqual([{ name: 'r1', image: 'nginx', args: ['sleep', '10'], resources: {} }]);
    expect(plan.service).toBeUndefined();
  });

  it('shows an explicit namespace only in a client dry run', () => {
    expect(planRun(input({ namespace: 'dev', namespaceExplicit: true, dryRun: 'client' })).pod.metadata?.namespace).toBe('dev');
    expect(planRun(input({ namespace: 'dev', namespaceExplicit: true })).pod.metadata?.namespace).toBeUndefined();
  });

  it('applies --overrides to the pod', () => {
    const plan = planRun(input({}, { overrides: '{"spec":{"nodeName":"n1"}}' }));
    expect(plan.pod.spec).toMatchObject({ nodeName: 'n1', dnsPolicy: 'ClusterFirst' });
  });

  it('adds a service for --expose, selecting the labels', () => {
    const plan = planRun(input({}, { expose: true, port: '80', labels: 'app=web' }));
    expect(plan.service?.spec).toEqual({ ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { app: 'web' } });
    expect(plan.pod.metadata?.labels).toEqual({ app: 'web' });
  });

  it("checks the command line in kubectl's order with its messages", () => {
    expect(() => planRun(input({ args: [] }))).toThrow(usage('NAME is required for run'));
    expect(() => planRun(input({ args: ['sleep'], argsLenAtDash: 0 }))).toThrow(usage('NAME is required for run'));
    expect(() => planRun(input({}, { podRunningTimeoutMs: 0 }))).toThrow(usage('--pod-running-timeout must be higher than zero'));
    expect(() => planRun(input({}, { image: '' }))).toThrow('--image is required');
    expect(() => planRun(input({}, { image: 'Nginx' }))).toThrow('Invalid image name "Nginx": invalid reference format');
    expect(() => planRun(input({}, { tty: true }))).toThrow(usage('-i/--stdin is required for containers with -t/--tty=true'));
    expect(() => planRun(input({}, { expose: true }))).toThrow(usage('--port must be set when exposing a service'));
    expect(() => planRun(input({}, { restart: 'Bad' }))).toThrow(usage('invalid restart policy: Bad'));
    expect(() => planRun(input({}, { rm: true }))).toThrow(usage('--rm should only be used for attached containers'));
    expect(() => planRun(input({ dryRun: 'client' }, { stdin: true }))).toThrow(usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)"));
    expect(() => planRun(input({}, { imagePullPolicy: 'x' }))).toThrow(usage('invalid image pull policy: x'));
  });

  it('reports generator errors plainly, env first', () => {
    expect(() => planRun(input({}, { env: ['1A=b'], annotations: ['bad'] }))).toThrow(/^invalid env: 1A=b$/);
    expect(() => planRun(input({}, { annotations: ['bad'], labels: 'a' }))).toThrow(/^invalid annotations format: bad$/);
    expect(() => planRun(input({}, { labels: 'a' }))).toThrow(/^unexpected label spec: a$/);
    expect(() => planRun(input({}, { port: 'abc' }))).toThrow(/^strconv\.Atoi: parsing "abc": invalid syntax$/);
  });

  it('refuses to attach, after every other check', () => {
    expect(() => planRun(input({}, { stdin: true }))).toThrow(ATTACH_UNSUPPORTED);
    expect(() => planRun(input({}, { attach: true }))).toThrow(ATTACH_UNSUPPORTED);
    expect(() => planRun(input({}, { stdin: true, tty: true, rm: true }))).toThrow(ATTACH_UNSUPPORTED);
    expect(() => planRun(input({}, { stdin: true, env: ['1A=b'] }))).toThrow('invalid env: 1A=b');
  });

  it('keeps stdin open without attaching for -i --attach=false', () => {
    const plan = planRun(input({}, { stdin: true, attach: false }));
    expect((plan.pod.spec as { containers: object[] }).containers[0]).toMatchObject({ stdin: true, stdinOnce: true });
  });
});

/**
 * The node agent (a kubelet): registers its Node, keeps its Lease and status
 * fresh, and runs the pods bound to it through a Runtime. Power off and on
 * simulate a machine failing and rebooting.
 */
import { randomUUID } from 'node:crypto';
import { realClock, type Clock, type KObject } from '@mk/api';
import { createEventRecorder, createInformer, type Informer, type InformerTarget } from '@mk/client';
import { PodManager } from '../pods/pod-manager';
import { isSessionEnded } from '../session-ended';
import type { PodRecord } from '../pods/types';
import { detectHostInfo } from './host-info';
import { LeaseRenewer } from './lease';
import { defaultNodeIP, nodeCapacity, nodeLabels, nodeTaints, type NodeIdentity } from './node-object';
import { NodeReporter } from './node-reporter';
import type { NodeAgent, NodeAgentOptions } from './options';
import { Session } from './session';

/** Registration is retried while the API server cannot be reached, as the kubelet does (up to 7 s apart). */
const REGISTER_RETRY_MS = [500, 1000, 2000, 4000, 7000];

class Agent implements NodeAgent {
  readonly name: string;
  private on = false;
  private started = false;
  private stopped = false;
  private readonly clock: Clock;
  private readonly identity: NodeIdentity;
  private readonly log: (message: string) => void;
  /** What the runtime holds for each pod; survives power cycles as containerd's state does. */
  private readonly records = new Map<string, PodRecord>();
  private session?: Session;
  private pods?: PodManager;
  private informer?: Informer;
  private nodeUID?: string;

  constructor(private readonly opts: NodeAgentOptions) {
    this.name = opts.name;
    this.clock = opts.clock ?? realClock;
    const log = opts.log ?? ((m: string) => console.warn(`node ${opts.name}: ${m}`));
    // Requests still in flight at stop() may fail later; the agent's owner may have closed its log by then.
    this.log = (m) => {
      if (!this.stopped) log(m);
    };
    const host = opts.hostInfo ?? detectHostInfo();
    const controlPlane = opts.controlPlane ?? false;
    this.identity = {
      name: opts.name,
      internalIP: opts.internalIP ?? defaultNodeIP(opts.name),
      capacity: nodeCapacity(opts.capacity),
      labels: nodeLabels(opts.name, host, controlPlane, opts.labels),
      taints: nodeTaints(controlPlane, opts.taints),
      podCIDR: opts.podCIDR,
      host,
      runtime: { name: opts.runtime.name, version: opts.runtime.version },
    };
    // Registered once: the runtime outlives sessions; events reach whichever session is running.
    opts.runtime.onEvent((e) => {
      if (this.session?.alive) this.pods?.onRuntimeEvent(e);
    });
  }

  get poweredOn(): boolean {
    return this.on;
  }

  async start(): Promise<void> {
    if (this.started) throw new Error(`node agent ${this.name} was already started`);
    this.started = true;
    await this.boot();
  }

  async powerOff(): Promise<void> {
    if (!this.on) return;
    this.on = false;
    this.endSession();
    await this.opts.runtime.killAll();
  }

  async powerOn(): Promise<void> {
    if (this.stopped) throw new Error(`node agent ${this.name} was stopped`);
    if (this.on) return;
    await this.boot();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.on = false;
    this.endSession();
  }

  private endSession(): void {
    this.session?.end();
    // The agent's own informer dies with the kubelet process; a shared one keeps running for the others.
    if (!this.opts.informerFactory) {
      this.informer?.stop();
      this.informer = undefined;
    }
  }

  private podTarget(): InformerTarget {
    return { group: '', version: 'v1', plural: 'pods', fieldSelector: `spec.nodeName=${this.name}` };
  }

  /** The informer of the node's pods; its handlers go to whichever session is running. */
  private podInformer(): Informer {
    if (this.informer) return this.informer;
    const { informerFactory, client } = this.opts;
    const informer = informerFactory ? informerFactory.informerFor(this.podTarget()) : createInformer(client, this.podTarget(), { clock: this.clock, log: this.log });
    const forward = (fn: (pods: PodManager) => void) => {
      if (this.session?.alive && this.pods) fn(this.pods);
    };
    informer.addHandlers({
      onAdd: (pod) => forward((p) => p.handlers().onAdd!(pod)),
      onUpdate: (old, pod) => forward((p) => p.handlers().onUpdate!(old, pod)),
      onDelete: (pod) => forward((p) => p.handlers().onDelete!(pod)),
    });
    this.informer = informer;
    return informer;
  }

  private async register(session: Session, reporter: NodeReporter): Promise<KObject> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await reporter.register();
      } catch (err) {
        session.checkAlive();
        this.log(`unable to register node with the API server: ${(err as Error).message}`);
        await session.sleep(REGISTER_RETRY_MS[Math.min(attempt, REGISTER_RETRY_MS.length - 1)]);
      }
    }
  }

  private async boot(): Promise<void> {
    const session = new Session(this.opts.client, this.clock);
    this.session = session;
    this.on = true;
    try {
      await this.bootSession(session);
    } catch (err) {
      // Powered off or stopped while booting: that boot is simply over.
      if (session.alive) throw err;
    }
  }

  private async bootSession(session: Session): Promise<void> {
    const { client, timings, runtime } = this.opts;
    const recorder = createEventRecorder(client, { component: 'kubelet', host: this.name, clock: this.clock, log: this.log });
    session.onEnd(() => recorder.stop());
    // The kubelet refers to its node by name, with the name as UID.
    const nodeEvent = (type: 'Normal' | 'Warning', reason: string, message: string) => recorder.event({ kind: 'Node', name: this.name, uid: this.name }, type, reason, message);
    nodeEvent('Normal', 'Starting', 'Starting kubelet.');
    nodeEvent('Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');

    const reporter = new NodeReporter({ api: session.api, identity: this.identity, bootID: randomUUID(), clock: this.clock, timings, event: nodeEvent });
    const onError = (what: string) => (err: unknown) => {
      if (!isSessionEnded(err)) this.log(`${what}: ${(err as Error).message}`);
    };
    const node = await this.register(session, reporter);
    this.nodeUID = node.metadata?.uid;

    const lease = new LeaseRenewer(session.api, () => ({
      nodeName: this.name,
      leaseDurationSeconds: timings.leaseDurationSeconds,
      now: this.clock.now(),
      nodeUID: this.nodeUID,
    }));
    await lease.renew().catch(onError('failed to renew the node lease'));
    session.every(timings.leaseRenewIntervalMs, () => lease.renew(), onError('failed to renew the node lease'));
    session.every(timings.nodeStatusUpdateFrequencyMs, () => reporter.report(), onError('error updating node status'));

    const pods = new PodManager({
      hostIP: this.identity.internalIP,
      runtime,
      clock: this.clock,
      timings,
      api: session.api,
      recorder,
      records: this.records,
      checkAlive: () => session.checkAlive(),
      log: this.log,
    });
    this.pods = pods;
    session.onEnd(() => pods.stop());

    session.checkAlive();
    const informer = this.podInformer();
    informer.start();
    await informer.synced();
    session.checkAlive();
    // A (re)booted kubelet syncs every pod bound to it, and finishes those deleted while it was away.
    pods.syncAll(informer.lister.list());
  }
}

/** Creates a node agent; call start(). */
export function createNodeAgent(opts: NodeAgentOptions): NodeAgent {
  return new Agent(opts);
}

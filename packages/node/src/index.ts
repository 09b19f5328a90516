/** @mk/node: the node agent (a kubelet) and its container runtimes. */
export { createNodeAgent } from './agent/node-agent';
export type { NodeAgent, NodeAgentOptions } from './agent/options';
export { KUBELET_VERSION, defaultNodeIP } from './agent/node-object';
export type { HostInfo } from './agent/host-info';
export { runAgentProcess, type AgentProcessOptions } from './process';
export * from './runtime/types';
export { parseImageRef, type ImageRef } from './runtime/image-ref';
export { createPodIPAllocator, type PodIPAllocator } from './runtime/pod-ips';
export { createSimRuntime, SIM_RUNTIME_VERSION, type SimRuntimeOptions } from './runtime/sim/sim-runtime';
export { simPresets, fastProfile, realisticProfile, type SimPresetName } from './runtime/sim/presets';
export { applyFailures } from './runtime/sim/failures';
export { seededRandom } from './runtime/sim/random';
export { EXIT_CODE_ANNOTATION, EXIT_AFTER_ANNOTATION, PULL_FAIL_ANNOTATION } from './runtime/sim/annotations';
export type { SimProfile, SimStage, SimSelector, SimEffect, SimFailures, PullEffect, StartEffect, RunEffect, StopEffect } from './runtime/sim/profile';

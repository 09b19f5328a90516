/** Every `mk` command, in the order `mk --help` lists them. */
import type { RegisterCommand } from '../command';
import { register as up } from './up';
import { register as down } from './down';
import { register as status } from './status';
import { register as server } from './server';
import { register as kubeconfig } from './kubeconfig';
import { register as node } from './node';
import { register as agent } from './agent';
import { register as scheduler } from './scheduler';
import { register as controllerManager } from './controller-manager';
import { register as get } from './get';
import { register as describe } from './describe';
import { register as create } from './create';
import { register as apply } from './apply';
import { register as replace } from './replace';
import { register as patch } from './patch';
import { register as edit } from './edit';
import { register as del } from './delete';
import { register as label } from './label';
import { register as annotate } from './annotate';
import { register as cordon } from './cordon';
import { register as uncordon } from './uncordon';
import { register as drain } from './drain';
import { register as taint } from './taint';
import { register as rollout } from './rollout';
import { register as scale } from './scale';
import { register as set } from './set';
import { register as wait } from './wait';
import { register as run } from './run';
import { register as autoscale } from './autoscale';
import { register as explain } from './explain';
import { register as apiResources } from './api-resources';
import { register as version } from './version';
import { register as completion } from './completion';

/** The registered commands. */
export const commands: RegisterCommand[] = [
  up, down, status, server, kubeconfig, node, agent, scheduler, controllerManager,
  get, describe, create, run, apply, replace, patch, edit, del, label, annotate,
  rollout, scale, autoscale, set, wait,
  cordon, uncordon, drain, taint,
  explain, apiResources, version, completion,
];

/** `mk cordon`: mark nodes unschedulable (kubectl cordon). */
import type { RegisterCommand } from '../command';
import { registerCordonCommand } from '../nodes/cordon-command';

export const register: RegisterCommand = (program, ctx) => registerCordonCommand(program, ctx, true);

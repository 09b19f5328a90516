/** `mk uncordon`: mark nodes schedulable again (kubectl uncordon). */
import type { RegisterCommand } from '../command';
import { registerCordonCommand } from '../nodes/cordon-command';

export const register: RegisterCommand = (program, ctx) => registerCordonCommand(program, ctx, false);

/** Thrown by anything the agent does after it stopped or lost power: the work it interrupts is simply dropped. */
export class SessionEndedError extends Error {
  constructor() {
    super('the node agent is powered off or stopped');
    this.name = 'SessionEndedError';
  }
}

/** True for the error of work cut short by power-off or stop. */
export function isSessionEnded(err: unknown): err is SessionEndedError {
  return err instanceof SessionEndedError;
}

/** SIGTERM/SIGINT handling: a first signal asks for a clean stop; a second one forces exit. */

/** onTerminationSignals calls onSignal on SIGTERM or SIGINT; returns a function that removes the handlers. */
export function onTerminationSignals(onSignal: (signal: NodeJS.Signals) => void): () => void {
  let received = false;
  const handler = (signal: NodeJS.Signals): void => {
    // A user pressing Ctrl-C twice means "now": skip the clean shutdown.
    if (received) process.exit(130);
    received = true;
    onSignal(signal);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}

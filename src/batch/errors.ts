// Why a batch stops as a whole, rather than one file failing.

/** Problems with the batch as a whole: nothing to convert, an output that cannot be written. */
export class BatchError extends Error {}

/** The batch was stopped, by a signal (Ctrl-C) or its caller: what was not finished is not written. */
export class BatchInterrupted extends Error {
  constructor(readonly signal: NodeJS.Signals | null) {
    super(signal ? `interrupted by ${signal}` : 'interrupted');
  }
}

/** The reason an aborted batch gives: the signal, where one stopped it. */
export function interruption(signal: AbortSignal): BatchInterrupted {
  return signal.reason instanceof BatchInterrupted ? signal.reason : new BatchInterrupted(null);
}

// Temporal could not be reached at all, told apart from a call it refused: the CLI says to start it, the web
// answers 503.
/** The connection to Temporal could not be opened: raised by `withClient` and the HTTP reads, whatever the transport said. */
export class TemporalUnreachableError extends Error {
  override readonly name = 'TemporalUnreachableError';
  constructor(
    readonly address: string,
    options: { cause: unknown },
  ) {
    super(`cannot reach Temporal at ${address}`, options);
  }
}

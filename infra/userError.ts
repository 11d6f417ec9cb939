// Errors told to the person who asked, and the exit codes the CLI ends with:
// 0 success, 1 failure, 2 bad usage or rejected input, 3 done but something needs an operator (a stuck unit).
export const exitCodes = { ok: 0, failure: 1, rejected: 2, needsAttention: 3 } as const;

/** An error whose message is for the person who asked (a refused input, a missing file), with the exit code
 * the CLI ends with; the web answers it as a problem. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.rejected,
  ) {
    super(message);
  }
}

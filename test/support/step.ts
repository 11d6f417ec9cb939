// Names the steps of a long scenario, so that a failure says which one broke: the error is thrown on with
// `step "<name>": ` before its message and the original as its cause. An assertion's expected and actual
// values come along, so that vitest still shows the diff.

export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { actual, expected, showDiff } = (error ?? {}) as Record<string, unknown>;
    throw Object.assign(
      new Error(`step "${name}": ${message}`, { cause: error }),
      expected === undefined ? {} : { actual, expected, showDiff },
    );
  }
}

// The command that recovers a stuck workflow of a year (docs/reliability.md), named alike by the CLI, the
// dashboard and the operators' notice.

/** `unitCode` null for the campaign itself. */
export function recoverCommand(year: number, unitCode: string | null): string {
  return unitCode === null
    ? `wlx campaign recover --year ${year}`
    : `wlx unit recover --year ${year} --unit ${unitCode}`;
}

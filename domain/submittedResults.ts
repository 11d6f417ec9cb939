// One rule for when a unit's results summary (Annex 2) is 已报送, shared by the national summary, the
// national report and the results export. The notice asks for the written summary and Annex 2 together
// (书面总结和成果总结), so Annex 2 counts once that deliverable is in: the summary clock stamped it
// submitted. Annex 2 sent without its written summary, or returned for revision, is not yet 已报送, and its
// figures wait with it.

export function submittedResults<T>(unit: {
  summary: { submittedAt: string | number | null };
  resultsSummary: T | null;
}): T | null {
  return unit.summary.submittedAt === null ? null : unit.resultsSummary;
}

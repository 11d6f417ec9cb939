// The top-level commands of wlx and what each is for: the one copy of their descriptions, which `wlx --help`
// lists without loading any command's module (main.ts loads only the one the command line names).
export const commandGroups = {
  campaign: "start and follow a year's campaign",
  calendar: 'the working calendar: holidays and make-up days',
  unit: "one reporting unit's year",
  submit: "a reporting unit's submissions, from a JSON or YAML file or the filled-in .xlsx template",
  operator: 'CNIPA operators: return, extend, remind, choose key regions',
  matching: 'resource matching (服务资源匹配): proposal, review, confirmation',
  catalogue: 'the resource catalogue (服务资源目录) in Excel: import to check it, export to edit it',
  mail: 'mail received by the local SMTP sink',
  template: 'blank .xlsx templates for units to fill in and submit with "wlx submit ... --file"',
  document:
    'stored documents (written summaries, work plans): DOCUMENT_STORE=local|s3, DOCUMENT_DIR, S3_ENDPOINT, S3_BUCKET, ...',
  audit: 'the audit trail (留痕): who did what and when, on which unit, from where',
  export: "national workbooks from a year's campaign",
  report: 'reports as Word documents',
  completion: 'a completion script for your shell: eval "$(wlx completion bash)"',
} as const;

export type CommandGroup = keyof typeof commandGroups;

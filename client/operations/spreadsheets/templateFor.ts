// For whom and which year a template is made: named on each sheet's second row and in the instructions.

export interface TemplateUnit {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface TemplateOptions {
  year: number;
  unit?: TemplateUnit | undefined;
}

/** Row 2 of each sheet; a blank to write the unit's name on when the template is for any unit. */
export function unitLine(options: TemplateOptions): string {
  const unit = options.unit;
  return (
    `填报单位：${unit?.nameZh ?? '＿＿＿＿＿＿＿＿'}　　年度：${options.year}` +
    `　　Reporting unit: ${unit?.nameEn ?? '________'}, ${options.year}`
  );
}

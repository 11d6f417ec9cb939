// Rewrites parts of a finished .docx: for what the docx package cannot say (a paragraph style kept off
// the grid, a font table with fallbacks), the layout edits the XML the package wrote.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export function rewriteParts(docx: Uint8Array, edits: Record<string, (xml: string) => string>): Buffer {
  const parts = unzipSync(docx);
  for (const [path, edit] of Object.entries(edits)) {
    const part = parts[path];
    parts[path] = strToU8(edit(part ? strFromU8(part) : ''));
  }
  return Buffer.from(zipSync(parts));
}

/**
 * Styles.xml with the paragraph styles `ids` kept off the document grid: `<w:snapToGrid w:val="0"/>` in
 * their paragraph properties (LibreOffice reads only this one; Word reads it and the run's), and their
 * characters at their own width.
 */
export function offGridStyles(styles: string, ids: readonly string[]): string {
  return styles.replace(/<w:style w:type="paragraph" w:styleId="([^"]+)"[\s\S]*?<\/w:style>/g, (style, id) =>
    ids.includes(id)
      ? style
          .replace('<w:spacing w:', '<w:snapToGrid w:val="0"/><w:spacing w:')
          .replace('<w:sz w:', '<w:spacing w:val="0"/><w:sz w:')
      : style,
  );
}

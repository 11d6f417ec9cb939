// The Chinese edition's font table: each face the document names, with the face Windows ships that
// stands in for it where it is missing (方正小标宋简体 and the _GB2312 faces are installed separately in
// most offices), and the GB2312 character set (86) so a substitute is chosen among Chinese faces.
const faces: { name: string; fallback: string; family: 'roman' | 'modern' | 'swiss' }[] = [
  { name: '方正小标宋简体', fallback: '宋体', family: 'roman' },
  { name: '仿宋_GB2312', fallback: '仿宋', family: 'modern' },
  { name: '楷体_GB2312', fallback: '楷体', family: 'modern' },
  { name: '黑体', fallback: 'SimHei', family: 'modern' },
  { name: '宋体', fallback: 'SimSun', family: 'roman' },
  { name: '仿宋', fallback: 'FangSong', family: 'modern' },
  { name: '楷体', fallback: 'KaiTi', family: 'modern' },
];

const chinese = faces
  .map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.family === 'modern' ? 'fixed' : 'variable'}"/></w:font>`,
  )
  .join('');

export const officialFontTable =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `${chinese}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
  '</w:fonts>';

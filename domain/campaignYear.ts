// A campaign year as people type it (--year, a URL's ?year=): 2000 to 2100, errors saying what would do.
import { z } from 'zod';

export const yearSchema = z.coerce
  .number({ error: 'a year such as 2027' })
  .int('a year such as 2027')
  .min(2000, 'a year from 2000 to 2100')
  .max(2100, 'a year from 2000 to 2100');

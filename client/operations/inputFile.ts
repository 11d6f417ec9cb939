// Reads a submission or configuration file (JSON or YAML) and validates it before anything is sent.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InvalidInputError, parseInput } from '../../domain/validation.ts';

export async function readInputFile<S extends z.ZodType>(
  path: string,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(what, [
      { path: path, message: `cannot read the file (${(error as NodeJS.ErrnoException).code})` },
    ]);
  }
  let value: unknown;
  try {
    value = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InvalidInputError(what, [
      {
        path,
        message: `not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      },
    ]);
  }
  return parseInput(schema, value, `${what} in ${path}`);
}

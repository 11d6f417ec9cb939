// Documents in a local folder (var/documents by default): sha256/ab/<hash>, written through a temporary
// file and renamed, so a crash never leaves a half-written document under its hash.
import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DocumentNotFoundError, type DocumentStore, sha256Of, verified } from './store.ts';

export function localStore(dir: string): DocumentStore {
  const where = `local folder ${dir}`;
  const pathOf = (sha256: string) => join(dir, 'sha256', sha256.slice(0, 2), sha256);
  const has = async (sha256: string) =>
    access(pathOf(sha256)).then(
      () => true,
      () => false,
    );
  return {
    description: where,
    has,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      if (await has(sha256)) return { sha256, stored: false };
      const path = pathOf(sha256);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomUUID()}.part`;
      try {
        await writeFile(temporary, bytes, { flag: 'wx' });
        await rename(temporary, path);
      } finally {
        await rm(temporary, { force: true });
      }
      return { sha256, stored: true };
    },
    async get(sha256) {
      try {
        return verified(sha256, await readFile(pathOf(sha256)), where);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new DocumentNotFoundError(sha256, where);
        throw error;
      }
    },
  };
}

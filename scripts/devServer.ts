// The arguments of the Temporal CLI dev server as this project runs it: on a SQLite file that survives
// restarts, with our search attributes. `npm start` and the fault suite both start it this way.
import { searchAttributeFlags } from '../workflows/searchAttributes.ts';

export function devServerArgs(options: { port: number; dbFile: string; uiPort?: number }): string[] {
  return [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    '--db-filename',
    options.dbFile,
    // WAL keeps SQLite fast under the dev server's single connection (the SDK's own CI does the same).
    '--sqlite-pragma',
    'journal_mode=WAL',
    '--sqlite-pragma',
    'synchronous=NORMAL',
    // Its warnings are mostly about its own shutdown; errors still show.
    '--log-level',
    'error',
    ...searchAttributeFlags.flatMap((flag) => ['--search-attribute', flag]),
  ];
}

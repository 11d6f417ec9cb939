// `npm run web`: the web server alone, configured from the environment (config.ts); Temporal from
// TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE / TEMPORAL_UI_URL as for `wlx`. Stops on SIGINT/SIGTERM.

import { clientConfig } from '../../infra/temporal/connection.ts';
import { describeError } from '../operations/errors.ts';
import { webConfig } from './config.ts';
import { startWebServer } from './server.ts';

try {
  const server = await startWebServer(webConfig(), clientConfig());
  console.log(`知识产权服务万里行 web on ${server.url} (API docs ${server.url}/api/docs)`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('web: stopping failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`web: ${describeError(error).message}`);
  process.exitCode = 1;
}

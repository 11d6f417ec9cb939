// The Temporal server's configuration for `npm run cluster`: PostgreSQL for both the default store and
// (advanced) visibility, several history shards, each service on its own 127.0.0.1 ports. Written from the
// module's own config/development-postgres12.yaml, with our ports and database and no archival.
import { stringify } from 'yaml';

export const temporalServices = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof temporalServices)[number];

export interface ServerPorts {
  /** The frontend's gRPC port: what workers and clients dial. */
  frontend: number;
  /**
   * Each service takes grpc = base + offset, membership = base + 100 + offset, metrics = base + 200 + offset.
   * The server keeps membership ports in a smallint: they must stay below 32,768.
   */
  base: number;
}

const offsets: Record<TemporalService, number> = { frontend: 0, history: 1, matching: 2, worker: 3 };

/** One service's configuration: the same cluster for all four, each with its own metrics port. */
export function serverConfig(options: {
  service: TemporalService;
  ports: ServerPorts;
  postgresPort: number;
  shards: number;
  dynamicConfigFile: string;
}): string {
  const { ports } = options;
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `127.0.0.1:${options.postgresPort}`,
      connectProtocol: 'tcp',
      user: 'postgres',
      password: '',
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (service: TemporalService) => ({
    rpc: {
      grpcPort: service === 'frontend' ? ports.frontend : ports.base + offsets[service],
      membershipPort: ports.base + 100 + offsets[service],
      bindOnLocalHost: true,
    },
  });
  return stringify({
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: options.shards,
      datastores: {
        'postgres-default': store('temporal', 20),
        'postgres-visibility': store('temporal_visibility', 10),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: {
        prometheus: {
          framework: 'tally',
          timerType: 'histogram',
          listenAddress: `127.0.0.1:${ports.base + 200 + offsets[options.service]}`,
        },
      },
    },
    services: Object.fromEntries(temporalServices.map((s) => [s, rpc(s)])),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${ports.frontend}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
    dynamicConfigClient: { filepath: options.dynamicConfigFile, pollInterval: '10s' },
  });
}

/** Dynamic config: what the dev server sets and a real one does not by default. */
export const dynamicConfig = stringify({
  // Search attributes registered a moment ago are usable at once (the dev server does the same).
  'system.forceSearchAttributesCacheRefreshOnRead': [{ value: true, constraints: {} }],
});

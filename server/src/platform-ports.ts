import type { Config } from './config';
import type { PortClaim } from './port-check';

/** The ports `npm start` listens on: API, website, Bolt when Neo4j is embedded, Redis unless REDIS_URL. */
export function platformPorts(cfg: Config): PortClaim[] {
  const claims: PortClaim[] = [
    { service: 'API', host: cfg.API_HOST, port: cfg.API_PORT, envVar: 'API_PORT' },
    { service: 'website', host: '127.0.0.1', port: cfg.WEB_PORT, envVar: 'WEB_PORT' },
  ];
  if (cfg.embedded) claims.push({ service: 'embedded Neo4j (Bolt)', host: '127.0.0.1', port: cfg.NEO4J_BOLT_PORT, envVar: 'NEO4J_BOLT_PORT' });
  if (!cfg.REDIS_URL) claims.push({ service: 'local Redis', host: '127.0.0.1', port: cfg.REDIS_PORT, envVar: 'REDIS_PORT' });
  return claims;
}

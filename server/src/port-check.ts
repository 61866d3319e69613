import net from 'node:net';

export interface PortClaim {
  /** What listens there, for the message: "API", "website", "embedded Neo4j (Bolt)". */
  service: string;
  host: string;
  port: number;
  /** The setting that moves it elsewhere. */
  envVar: string;
}

/** Resolves true when something already listens on host:port (bind fails with EADDRINUSE). */
export function isPortTaken(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolve(true);
      else reject(err);
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

/** One line per port that is taken, naming the service and the setting to change; empty when all are free. */
export async function takenPorts(claims: PortClaim[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of claims) {
    if (await isPortTaken(c.host, c.port)) {
      problems.push(
        `port ${c.port} on ${c.host} (${c.service}) is already in use — is ClusterAtlas already running? Stop it, or set ${c.envVar} to a free port.`,
      );
    }
  }
  return problems;
}

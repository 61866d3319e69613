import net from 'node:net';
import { isPortTaken, takenPorts } from './port-check';

function listenOnFreePort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

describe('port check before npm start', () => {
  it('names the service and the setting for a port that is taken, and nothing for a free one', async () => {
    const busy = await listenOnFreePort();
    const busyPort = (busy.address() as net.AddressInfo).port;
    const spare = await listenOnFreePort();
    const freePort = (spare.address() as net.AddressInfo).port;
    await new Promise((r) => spare.close(r));
    try {
      expect(await isPortTaken('127.0.0.1', busyPort)).toBe(true);
      expect(await isPortTaken('127.0.0.1', freePort)).toBe(false);
      const problems = await takenPorts([
        { service: 'API', host: '127.0.0.1', port: freePort, envVar: 'API_PORT' },
        { service: 'website', host: '127.0.0.1', port: busyPort, envVar: 'WEB_PORT' },
      ]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`port ${busyPort}`);
      expect(problems[0]).toContain('website');
      expect(problems[0]).toContain('WEB_PORT');
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });
});

import http from 'node:http';
import zlib from 'node:zlib';
import { stackInfo } from '../helpers/stack-info';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Plain node:http, so the bytes on the wire are seen as sent (fetch would decode them). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  const url = new URL(path, stackInfo().apiUrl);
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('bulk downloads', () => {
  it.each(['clusters.json', 'clusters.csv'])('%s: brotli, gzip and identity carry the same bytes, and Vary says why they differ', async (file) => {
    const identity = await get(`/download/${file}`, { 'accept-encoding': 'identity' });
    const br = await get(`/download/${file}`, { 'accept-encoding': 'br' });
    const gzip = await get(`/download/${file}`, { 'accept-encoding': 'gzip' });
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    for (const r of [identity, br, gzip]) expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(zlib.gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    // The catalog is highly repetitive text: compression must pay for itself several times over.
    expect(br.body.length * 4).toBeLessThan(identity.body.length);
    expect(identity.body.toString('utf8')).toContain('Mo5S2-anion');
  });

  it('answers If-None-Match with an empty 304 carrying the same tag, for any encoding', async () => {
    const { datasetVersion } = stackInfo();
    const first = await get('/download/clusters.json', { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag!;
    expect(etag).toContain(datasetVersion);
    for (const encoding of ['gzip', 'br', 'identity']) {
      const again = await get('/download/clusters.json', { 'if-none-match': etag, 'accept-encoding': encoding });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
    // A tag from another dataset version is not a match.
    const stale = await get('/download/clusters.json', { 'if-none-match': 'W/"mou2025-cluster-n2@000000000000"', 'accept-encoding': 'identity' });
    expect(stale.status).toBe(200);
    expect(JSON.parse(stale.body.toString('utf8')).dataset.version).toBe(datasetVersion);
  });

  it('API responses carry nosniff, a no-content CSP and a frame ban', async () => {
    for (const path of ['/download/clusters.csv', '/health']) {
      const res = await get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBeDefined();
    }
  });
});

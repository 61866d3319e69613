import type { Request, Response } from 'express';
import fresh from 'fresh';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { CatalogService } from '../services/catalog.service';
import type { ReleaseService } from '../services/release.service';
import { csvCell, releaseVersion } from './download-format';
import { releaseFromPath } from './release-param';
import { publicClusterJson } from './cluster-json';

const gzipAsync = promisify(zlib.gzip);
const brotliAsync = promisify(zlib.brotliCompress);

const CSV_COLUMNS = [
  'id',
  'formula',
  'published_name',
  'charge',
  'multiplicity',
  'size',
  'metal_atoms',
  'metals',
  'ligands',
  'nuclearity',
  'mass_u',
  'log10_k1',
  'k1_cm3_per_molecule_s',
  'langevin_rate_cm3_per_molecule_s',
  'efficiency',
  'cv_fold',
  'reactant',
  'source_doi',
] as const;

interface Encoded {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** Both encodings computed once per body, off the event loop (zlib runs on libuv's thread pool). */
async function encodeAll(body: string): Promise<Encoded> {
  const identity = Buffer.from(body, 'utf8');
  const [gzip, br] = await Promise.all([
    gzipAsync(identity, { level: 9 }),
    brotliAsync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  return { identity, gzip, br };
}

type Format = 'json' | 'csv';
const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' };

/**
 * Plain-HTTP bulk downloads of the whole catalog, named and tagged with the dataset version.
 * The catalog only changes with the dataset version, so each file is built and compressed once
 * per version and kept; a conditional request is answered from the version alone, before
 * anything is read from the database.
 */
export function downloadHandlers(catalog: CatalogService, datasetVersion: () => string, releases: ReleaseService) {
  // One entry per format and release (releases never change); a failed build is not kept, so the next request retries.
  const built = new Map<string, Promise<Encoded>>();

  const render: Record<Format, (version: string, release: number | null) => Promise<string>> = {
    async json(version, release) {
      const clusters = await catalog.exportAll(release);
      const sources = new Map<string, unknown>();
      for (const c of clusters) for (const m of c.measurements) if (m) sources.set(m.source.id, m.source);
      return JSON.stringify({
        dataset: { version, clusterCount: clusters.length },
        howToCite: [...sources.values()],
        units: { k1: 'cm^3 molecule^-1 s^-1', log10K1: 'log10 of k1 in cm^3 molecule^-1 s^-1', massU: 'u', langevinRate: 'cm^3 molecule^-1 s^-1' },
        clusters: clusters.map(publicClusterJson),
      });
    },
    async csv(_version, release) {
      const clusters = await catalog.exportAll(release);
      const lines = [CSV_COLUMNS.join(',')];
      for (const c of clusters) {
        for (const m of c.measurements.length ? c.measurements : [null]) {
          const row = [
            c.id,
            c.formula,
            c.publishedName,
            c.charge,
            c.multiplicity,
            c.atomCount, // the `size` column
            c.metalAtomCount,
            c.metals.join(' '),
            c.ligands.join(' '),
            c.nuclearity,
            c.massU,
            m?.log10K1 ?? c.log10K1,
            m?.k1Cm3PerMoleculeS ?? c.k1Cm3PerMoleculeS,
            c.langevinRateCm3PerMoleculeS,
            c.efficiency,
            c.cvFold,
            m?.reactant ?? '',
            m?.source.doi ?? '',
          ];
          lines.push(row.map(csvCell).join(','));
        }
      }
      return `${lines.join('\n')}\n`;
    },
  };

  const encoded = (format: Format, version: string, release: number | null): Promise<Encoded> => {
    const key = `${format}:${version}`;
    const hit = built.get(key);
    if (hit) return hit;
    const body = render[format](version, release).then(encodeAll);
    built.set(key, body);
    body.catch(() => {
      if (built.get(key) === body) built.delete(key);
    });
    return body;
  };

  const serve = (format: Format) => async (req: Request, res: Response) => {
    const named = await releaseFromPath(req, res, releases);
    if (named === undefined) return;
    // The current release's files are rebuilt when a new release is published: its number is part of the version.
    const release = named ?? (await releases.latestOrKnown());
    const version = releaseVersion(datasetVersion(), release === 1 && named === null ? null : release);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="clusteratlas-${version.replace(/[^A-Za-z0-9.-]/g, '_')}.${format}"`);
    res.setHeader('X-Dataset-Version', version);
    // Weak: the gzip, br and identity bodies are the same data, and the tag must match across them.
    res.setHeader('ETag', `W/"${version.replace(/[^\x21\x23-\x7e]/g, '_')}"`);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Vary', 'Accept-Encoding');
    // Only If-None-Match is consulted, not the request's Cache-Control: fetch() adds
    // `Cache-Control: no-cache` to every request that sets If-None-Match itself, and that
    // directive asks caches to revalidate, which is what this answer is (RFC 9111 §5.2.1.4).
    if (fresh({ 'if-none-match': req.headers['if-none-match'] }, { etag: res.getHeader('ETag') as string })) {
      res.status(304).end();
      return;
    }
    const body = await encoded(format, version, release);
    const encoding = req.acceptsEncodings('br', 'gzip', 'identity');
    if (encoding === 'br' || encoding === 'gzip') {
      res.setHeader('Content-Encoding', encoding);
      res.send(body[encoding]);
    } else {
      res.send(body.identity);
    }
  };

  return {
    json: serve('json'),
    csv: serve('csv'),
  };
}

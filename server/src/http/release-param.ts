import type { Request, Response } from 'express';
import type { ReleaseService } from '../services/release.service';

/**
 * The release a download names in its path (`/download/releases/3/clusters.json`): a number, or
 * null for the routes without one (the current release). Answers 400/404 itself and returns
 * undefined when the path names no existing release.
 */
export async function releaseFromPath(req: Request, res: Response, releases: ReleaseService): Promise<number | null | undefined> {
  const raw = req.params?.release;
  if (raw === undefined) return null;
  const text = String(raw);
  if (!/^[1-9]\d{0,5}$/.test(text)) {
    res.status(400).json({ errors: [{ message: `release must be a positive whole number, got "${text.slice(0, 20)}"`, extensions: { code: 'BAD_REQUEST' } }] });
    return undefined;
  }
  const release = Number(text);
  const latest = await releases.latestOrKnown();
  if (release > latest) {
    res
      .status(404)
      .json({ errors: [{ message: `release ${release} does not exist; releases are numbered 1 to ${latest}`, extensions: { code: 'NOT_FOUND' } }] });
    return undefined;
  }
  return release;
}

/** Download paths of one release (also listed on the `Release` GraphQL type). */
export function releaseDownloadPaths(release: number) {
  const base = `/download/releases/${release}`;
  return {
    json: `${base}/clusters.json`,
    csv: `${base}/clusters.csv`,
    extendedXyz: `${base}/structures.extxyz`,
    xyzArchive: `${base}/structures-xyz.tar.gz`,
  };
}

import { badInput, checkLength, quote } from './errors';

/** Cursors this API hands out are base64url of `offset:<n>`, about 20 characters. */
const MAX_CURSOR_LENGTH = 100;

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

// Offset cursors are honest for a catalog that changes only when the dataset version does.
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argumentPath = 'after'): number {
  checkLength(argumentPath, cursor, MAX_CURSOR_LENGTH);
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^offset:(\d{1,9})$/.exec(text);
  if (!match) throw badInput(argumentPath, `"${quote(cursor)}" is not a cursor returned by this API`);
  return Number(match[1]);
}

export function pageWindow(first: number | null | undefined, after: string | null | undefined): { offset: number; limit: number } {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  const offset = after ? decodeCursor(after) + 1 : 0;
  return { offset, limit };
}

export interface Connection<T> {
  totalCount: number;
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function toConnection<T>(nodes: T[], total: number, offset: number): Connection<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: offset + nodes.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

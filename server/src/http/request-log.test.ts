import type { IncomingMessage } from 'node:http';
import { requestId } from './request-log';

const withHeader = (value?: string) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids on log lines', () => {
  it("keeps a caller's well-formed id so traces join up", () => {
    expect(requestId(withHeader('trace-2f9c1a7e'))).toBe('trace-2f9c1a7e');
  });

  it('makes a fresh UUID when there is none, or when the supplied one could forge or flood a log line', () => {
    expect(requestId(withHeader())).toMatch(UUID);
    for (const hostile of ['a\nfake log line', 'x'.repeat(500), 'short', '{"level":60}']) expect(requestId(withHeader(hostile))).toMatch(UUID);
    expect(requestId(withHeader())).not.toBe(requestId(withHeader()));
  });
});

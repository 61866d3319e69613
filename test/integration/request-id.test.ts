import { stackInfo } from '../helpers/stack-info';

const ask = (headers: Record<string, string> = {}) =>
  fetch(`${stackInfo().apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"query":"{ dataset { version } }"}',
  });

describe('every API answer names its request id (the id on its log lines)', () => {
  it('makes one per request, and keeps a well-formed one the caller sent', async () => {
    const a = (await ask()).headers.get('x-request-id');
    const b = (await ask()).headers.get('x-request-id');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);
    expect((await ask({ 'x-request-id': 'trace-2f9c1a7e' })).headers.get('x-request-id')).toBe('trace-2f9c1a7e');
  });

  it('refuses an id that could forge a log line', async () => {
    const res = await ask({ 'x-request-id': '{"level":60,"msg":"forged"}' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

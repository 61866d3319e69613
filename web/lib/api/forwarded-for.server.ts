import { headers } from 'next/headers';
import { setForwardedForSource } from './client';

/** Imported once by the root layout (a server component): page renders forward the visitor's address. */
setForwardedForSource(async () => {
  // Outside a request (there is none at build time) headers() throws: nothing to forward then.
  const incoming = await headers();
  return incoming.get('x-forwarded-for');
});

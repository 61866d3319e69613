import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is asking, carried with the request's async context from the HTTP admission layer to the
 * job queues (xtb, inference), so services schedule fairly without every resolver and service
 * passing a client id along. A request authenticated with an API key (or a website session opened
 * with one) is the client `key:<keyId>`; any other is its IP address (admission.ts).
 */
const storage = new AsyncLocalStorage<{ clientId: string; signal?: AbortSignal }>();

/** Work done outside any client request (start-up checks, scripts). */
export const INTERNAL_CLIENT = 'internal';

/**
 * `signal` aborts when the client goes away before its answer is sent: queued work for it is
 * dropped and running xtb processes are killed, so a client that disconnects (or times out and
 * retries) does not leave work behind that delays everyone else.
 */
export function runAsClient<T>(clientId: string, fn: () => T, signal?: AbortSignal): T {
  return storage.run({ clientId, signal }, fn);
}

export function currentClient(): string {
  return storage.getStore()?.clientId ?? INTERNAL_CLIENT;
}

/** The current request's abort signal (undefined outside a client request). */
export function currentSignal(): AbortSignal | undefined {
  return storage.getStore()?.signal;
}

/** Set by the authentication middleware (auth/http-auth.ts) before admission control reads it. */
const keyOfRequest = new WeakMap<object, string>();

export function setRequestKey(req: object, keyId: string): void {
  keyOfRequest.set(req, keyId);
}

/** `key:<keyId>` for an authenticated request, else undefined (the caller falls back to the address). */
export function keyClientId(req: object): string | undefined {
  const keyId = keyOfRequest.get(req);
  return keyId === undefined ? undefined : `key:${keyId}`;
}

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is asking, carried with the request's async context from the HTTP admission layer to the
 * job queues (xtb, inference), so services schedule fairly without every resolver and service
 * passing a client id along. Later an API key's id takes the place of the IP.
 */
const storage = new AsyncLocalStorage<string>();

/** Work done outside any client request (start-up checks, scripts). */
export const INTERNAL_CLIENT = 'internal';

export function runAsClient<T>(clientId: string, fn: () => T): T {
  return storage.run(clientId, fn);
}

export function currentClient(): string {
  return storage.getStore() ?? INTERNAL_CLIENT;
}

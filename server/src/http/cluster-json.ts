/**
 * A cluster as the downloads publish it: the number of atoms is `size` there (as in GraphQL
 * `Cluster.size`, the public name since the first release), atomCount everywhere inside. Keys keep
 * their positions, so the files read as before.
 */
export function publicClusterJson<T extends { atomCount: number }>(cluster: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(cluster).map(([key, value]) => (key === 'atomCount' ? ['size', value] : [key, value])));
}

import { inMemoryCatalog } from '../../../test/helpers/in-memory-catalog';
import { CatalogService } from '../services/catalog.service';
import { publicClusterJson } from './cluster-json';

describe('publicClusterJson', () => {
  it('publishes atomCount as `size` at the same key position and changes nothing else (Mo5S2¯)', async () => {
    const [view] = await new CatalogService(inMemoryCatalog().clusters).byIds(['Mo5S2-anion']);
    const json = publicClusterJson(view!);
    expect(json).not.toHaveProperty('atomCount');
    expect(json.size).toBe(7);
    expect(Object.keys(json)).toEqual(Object.keys(view!).map((k) => (k === 'atomCount' ? 'size' : k)));
    for (const [key, value] of Object.entries(view!)) if (key !== 'atomCount') expect(json[key]).toEqual(value);
  });
});

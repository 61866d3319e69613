import { datasetInfoQuery } from './dataset-query';

describe('datasetInfoQuery', () => {
  it('reads the single Dataset node', () => {
    const q = datasetInfoQuery();
    expect(q).toMatchSnapshot();
    expect(q.params).toEqual({});
  });
});

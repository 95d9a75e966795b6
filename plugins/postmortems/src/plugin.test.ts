import { postmortemsPlugin } from './plugin';

describe('postmortems', () => {
  it('should export plugin', () => {
    expect(postmortemsPlugin).toBeDefined();
  });
});

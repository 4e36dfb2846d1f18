// The `npm start` banner names the data folder actually used, also when STATUSPORTALEN_DATA_DIR moves it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirOf, shownDir } from '../../local/data-dir.ts';

const root = '/work/repo';

describe('the local data folder', () => {
  it('is .local/ in the repo by default', () => {
    const dir = dataDirOf({}, root);
    expect(dir).toBe(path.join(root, '.local'));
    expect(shownDir(dir, root)).toBe('.local/');
  });

  it('is the folder STATUSPORTALEN_DATA_DIR names, shown relative to the repo when inside it', () => {
    expect(shownDir(dataDirOf({ STATUSPORTALEN_DATA_DIR: '/work/repo/test-results/readme-stack' }, root), root)).toBe('test-results/readme-stack/');
  });

  it('is shown absolute when outside the repo, never as .local/', () => {
    expect(shownDir(dataDirOf({ STATUSPORTALEN_DATA_DIR: '/tmp/statusportalen-data' }, root), root)).toBe('/tmp/statusportalen-data/');
    expect(shownDir('/work/repo-other/data', root)).toBe('/work/repo-other/data/');
  });

  it('resolves a relative STATUSPORTALEN_DATA_DIR from the working directory', () => {
    expect(dataDirOf({ STATUSPORTALEN_DATA_DIR: 'data' }, root)).toBe(path.resolve('data'));
  });
});

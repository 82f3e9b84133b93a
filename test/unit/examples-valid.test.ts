// Every shipped manifest validates: the default one and each scenario of design §7.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../src/manifest/index.js';

const files = ['hack/manifest.yaml', ...readdirSync('hack/examples').filter((f) => f.endsWith('.yaml')).sort().map((f) => join('hack/examples', f))];

describe('shipped manifests', () => {
  test('there is one example per scenario family', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  test.each(files)('%s is valid', async (file) => {
    const { result, manifest } = await loadManifest({ file });
    expect(result).toEqual({ file, status: 'valid', diagnostics: [] });
    expect(manifest?.kind).toBe('AwsDynamodb');
  });
});

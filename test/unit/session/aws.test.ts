import { awsSettings, backendOf, chooseRegion, localAws, noRegionError } from '../../../src/session/aws.js';
import { pluginDirOf } from '../../../src/session/toolchain.js';
import type { Io } from '../../../src/io.js';

describe('session: region, credentials, backend', () => {
  test('the stack input region wins over AWS_REGION, which wins over AWS_DEFAULT_REGION', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' };
    expect(chooseRegion({ region: 'ap-south-1' }, env)).toBe('ap-south-1');
    expect(chooseRegion(undefined, env)).toBe('eu-west-1');
    expect(chooseRegion(undefined, { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
    expect(chooseRegion(undefined, {})).toBeUndefined();
  });

  test('no region is a usage error that says where to set one', () => {
    const e = noRegionError();
    expect(e.message).toBe('no AWS region: set provider_config.region in a stack input (--stack-input) or AWS_REGION');
    expect(e.hint).toBe('See hack/stack-input.example.yaml.');
  });

  test('credentials come from provider_config, with the chosen region and no undefined keys', () => {
    expect(awsSettings(undefined, 'eu-west-1')).toEqual({ region: 'eu-west-1' });
    const s = awsSettings({ region: 'ignored', accessKeyId: 'AKIA', secretAccessKey: 's', sessionToken: undefined, endpoint: 'http://127.0.0.1:1' }, 'eu-west-1');
    expect(s).toEqual({ region: 'eu-west-1', accessKeyId: 'AKIA', secretAccessKey: 's', endpoint: 'http://127.0.0.1:1' });
    expect(Object.keys(s)).not.toContain('sessionToken');
    expect(localAws('http://127.0.0.1:8000')).toEqual({ region: 'us-east-1', accessKeyId: 'local', secretAccessKey: 'local', endpoint: 'http://127.0.0.1:8000' });
  });

  test('an s3 backend takes the provider region unless it names its own; anything else is local state', () => {
    expect(backendOf(undefined, 'eu-west-1')).toEqual({ type: 'local' });
    expect(backendOf({ type: 'local' }, 'eu-west-1')).toEqual({ type: 'local' });
    expect(backendOf({ type: 's3', bucket: 'b', key: 'k' }, 'eu-west-1')).toEqual({ type: 's3', bucket: 'b', key: 'k', region: 'eu-west-1' });
    expect(backendOf({ type: 's3', bucket: 'b', key: 'k', region: 'us-east-2' }, 'eu-west-1')).toEqual({ type: 's3', bucket: 'b', key: 'k', region: 'us-east-2' });
  });

  test('the plugin directory: the flag, else PLANTON_PLUGIN_DIR (empty is none), resolved against cwd', () => {
    const io = (env: NodeJS.ProcessEnv) => ({ cwd: '/work/p', env }) as unknown as Io;
    expect(pluginDirOf('plugins', io({ PLANTON_PLUGIN_DIR: '/opt/x' }))).toBe('/work/p/plugins');
    expect(pluginDirOf(undefined, io({ PLANTON_PLUGIN_DIR: '/opt/x' }))).toBe('/opt/x');
    expect(pluginDirOf(undefined, io({ PLANTON_PLUGIN_DIR: '' }))).toBeUndefined();
    expect(pluginDirOf(undefined, io({}))).toBeUndefined();
  });
});

import { buildChildEnv } from '../../../src/tofu/env.js';

const parent = {
  PATH: '/usr/bin',
  HOME: '/root',
  AWS_PROFILE: 'inherited-profile',
  AWS_ACCESS_KEY_ID: 'AKIAINHERITED',
  AWS_SECRET_ACCESS_KEY: 'inherited-secret',
  AWS_SESSION_TOKEN: 'inherited-token',
  UNSET: undefined,
};

test('stack-input keys replace every inherited credential and set region, endpoint and automation flags', () => {
  const env = buildChildEnv(parent, {
    region: 'eu-west-1',
    accessKeyId: 'AKIAEXAMPLE',
    secretAccessKey: 'SECRET-MARKER',
    endpoint: 'http://127.0.0.1:8000',
  });
  expect(env).toEqual({
    PATH: '/usr/bin',
    HOME: '/root',
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'SECRET-MARKER',
    AWS_REGION: 'eu-west-1',
    AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    GOGC: '400',
  });
});

test('a GOGC the user set is kept', () => {
  expect(buildChildEnv({ GOGC: '100' }, { region: 'us-east-1' }).GOGC).toBe('100');
});

test('a session token travels with the keys', () => {
  const env = buildChildEnv({}, { region: 'us-east-1', accessKeyId: 'AKIA1', secretAccessKey: 's3cr3t', sessionToken: 'tok3n' });
  expect(env.AWS_SESSION_TOKEN).toBe('tok3n');
});

test('a profile replaces inherited keys but keeps nothing else of theirs', () => {
  const env = buildChildEnv(parent, { region: 'us-east-1', profile: 'prod' });
  expect(env.AWS_PROFILE).toBe('prod');
  expect(env.AWS_ACCESS_KEY_ID).toBeUndefined();
  expect(env.AWS_SECRET_ACCESS_KEY).toBeUndefined();
  expect(env.AWS_SESSION_TOKEN).toBeUndefined();
});

test('without credentials in the stack input the usual AWS chain of the parent stays untouched', () => {
  const env = buildChildEnv(parent, { region: 'us-east-1' });
  expect(env.AWS_PROFILE).toBe('inherited-profile');
  expect(env.AWS_ACCESS_KEY_ID).toBe('AKIAINHERITED');
  expect(env.AWS_REGION).toBe('us-east-1');
  expect(env.AWS_ENDPOINT_URL_DYNAMODB).toBeUndefined();
  expect('UNSET' in env).toBe(false);
});

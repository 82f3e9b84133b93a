// The child's environment is the only way credentials reach tofu (docs/contract.md, stack input): never argv, never files.

import type { ProviderConfig } from '../generated/stack-input.js';

/** What the AWS provider (and an s3 backend) needs, after the stack input and --local are applied:
 * the stack input's provider_config shape. */
export type AwsSettings = ProviderConfig;

const CREDENTIAL_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];

export function buildChildEnv(parent: NodeJS.ProcessEnv, aws: AwsSettings): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(parent)) if (v !== undefined) env[k] = v;

  // Explicit credentials replace whatever the parent shell had, so the two never mix
  // (inherited AWS_PROFILE next to stack-input keys, or stale session tokens next to a profile).
  if (aws.accessKeyId !== undefined || aws.secretAccessKey !== undefined) {
    for (const k of [...CREDENTIAL_VARS, 'AWS_PROFILE']) delete env[k];
    if (aws.accessKeyId !== undefined) env.AWS_ACCESS_KEY_ID = aws.accessKeyId;
    if (aws.secretAccessKey !== undefined) env.AWS_SECRET_ACCESS_KEY = aws.secretAccessKey;
    if (aws.sessionToken !== undefined) env.AWS_SESSION_TOKEN = aws.sessionToken;
  } else if (aws.profile !== undefined) {
    for (const k of CREDENTIAL_VARS) delete env[k];
    env.AWS_PROFILE = aws.profile;
  }
  env.AWS_REGION = aws.region;
  if (aws.endpoint !== undefined) env.AWS_ENDPOINT_URL_DYNAMODB = aws.endpoint;

  // No prompts and no "run terraform apply" hints meant for humans; no version check over the network.
  env.TF_IN_AUTOMATION = '1';
  env.CHECKPOINT_DISABLE = '1';
  // The provider's time goes to garbage collection while it builds its schema (docs/local-timings.md):
  // a lazier collector cuts a plan's CPU by about a fifth, for ~130 MB more memory. The user's choice wins.
  if (parent.GOGC === undefined) env.GOGC = '400';
  return env;
}

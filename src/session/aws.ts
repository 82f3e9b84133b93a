// Region, credentials and state backend of a run, read from the stack input and the environment.
import { UsageError } from '../errors.js';
import type { ProviderConfig } from '../generated/stack-input.js';
import type { StackBackend } from '../stack-input/index.js';
import type { AwsSettings } from '../tofu/env.js';
import type { BackendSpec } from '../workspace/root-module.js';

/** The stack input's provider_config.region, else AWS_REGION, else AWS_DEFAULT_REGION. */
export function chooseRegion(pc: ProviderConfig | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return pc?.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
}

/** The region DynamoDB Local runs (--local) use: it accepts any, and manifests are checked against it. */
export const LOCAL_REGION = 'us-east-1';

/** The region a run's manifests are checked against: DynamoDB Local's under --local, else chooseRegion's. */
export function runRegion(local: boolean, pc: ProviderConfig | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return local ? LOCAL_REGION : chooseRegion(pc, env);
}

export function noRegionError(): UsageError {
  return new UsageError('no AWS region: set provider_config.region in a stack input (--stack-input) or AWS_REGION', 'See hack/stack-input.example.yaml.');
}

/** The chosen region with whatever credentials and endpoint the stack input gives (none: the usual AWS chain). */
export function awsSettings(pc: ProviderConfig | undefined, region: string): AwsSettings {
  if (!pc) return { region };
  const { accessKeyId, secretAccessKey, sessionToken, profile, endpoint } = pc;
  const given = Object.entries({ accessKeyId, secretAccessKey, sessionToken, profile, endpoint }).filter(([, v]) => v !== undefined);
  return { region, ...Object.fromEntries(given) };
}

/** DynamoDB Local accepts any letters-and-digits keys; these are not secrets. */
export function localAws(endpoint: string): AwsSettings {
  return { region: LOCAL_REGION, accessKeyId: 'local', secretAccessKey: 'local', endpoint };
}

export function backendOf(b: StackBackend | undefined, providerRegion: string): BackendSpec {
  if (!b || b.type !== 's3') return { type: 'local' };
  // The bucket's region defaults to the provider's (stack-input schema); its credentials come from the same env.
  return { ...b, region: b.region ?? providerRegion };
}

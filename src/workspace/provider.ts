// The `provider "aws"` block of the generated root module (main.tf.json). Credentials never appear
// here: they reach tofu only through the child's environment (docs/contract.md, stack input).

/**
 * Every service the bundled module or the provider itself can call: the table and its contributor
 * insights, resource policy and tags (dynamodb), autoscaling targets/policies (applicationautoscaling),
 * throttle alarms (cloudwatch), the caller identity and partition lookups (sts, iam), SSE keys (kms),
 * import sources (s3), tag lookups (resourcegroupstaggingapi). With an endpoint, all of them point at
 * it, so a run against DynamoDB Local never reaches, or waits on, an AWS host.
 */
export const LOCAL_ENDPOINT_SERVICES = [
  'applicationautoscaling',
  'cloudwatch',
  'dynamodb',
  'iam',
  'kms',
  'resourcegroupstaggingapi',
  's3',
  'sts',
] as const;

export function renderProvider(opts: { region: string; endpoint?: string }): Record<string, unknown> {
  if (opts.endpoint === undefined) return { region: opts.region };
  return {
    region: opts.region,
    // Nothing to validate against: no STS call for the account id, no EC2 metadata (IMDS) probe
    // for credentials, and any region name is fine for an emulator.
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    // An emulator's errors are answers, not outages: fail fast instead of 25 retries with backoff.
    max_retries: 1,
    // Virtual-host style would put a bucket name in front of 127.0.0.1 and ask DNS for it.
    s3_use_path_style: true,
    endpoints: Object.fromEntries(LOCAL_ENDPOINT_SERVICES.map((service) => [service, opts.endpoint])),
  };
}

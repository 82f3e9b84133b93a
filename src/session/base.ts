// What every command that talks to DynamoDB opens first, before (or without) a manifest: the stack
// input (its secrets masked from here on), the binary and plugin directory, and the region, credentials
// and endpoint of the run — DynamoDB Local started for the whole run under --local. `planton import`
// (no manifest) and `planton drift` (many) open this; one-manifest runs open session/index.ts.
import type { Io } from '../io.js';
import type { LoadedStackInput } from '../stack-input/index.js';
import type { Status } from '../terminal/status.js';
import type { TofuBinary } from '../tofu/binary.js';
import type { AwsSettings } from '../tofu/env.js';
import type { Mask } from '../tofu/mask.js';
import { renderProvider } from '../workspace/provider.js';
import { UsageError } from '../errors.js';
import { awsSettings, chooseRegion, localAws, noRegionError } from './aws.js';
import { withDynamoDbLocal } from './local.js';
import { openStackInput } from './stack.js';
import { findBinary, pluginDirOf } from './toolchain.js';

export interface BaseSessionOptions {
  stackInput?: string;
  local: boolean;
  binary?: string;
  pluginDir?: string;
}

/** Where the run's tables live, once chosen: the settings tofu's environment gets, and the provider block. */
export interface Endpoint {
  aws: AwsSettings;
  provider: Record<string, unknown>;
  /** DynamoDB Local (--local) or a custom endpoint: no Application Auto Scaling, and (Local) no tags. */
  kind: 'aws' | 'endpoint' | 'local';
}

export interface BaseSession {
  io: Io;
  /** io with every write masked (and erasing the status line first, given one). */
  out: Io;
  mask: Mask;
  stack?: LoadedStackInput;
  local: boolean;
  binary: TofuBinary;
  pluginDir?: string;
  /** Without --local: the region, credentials and endpoint of the stack input (else the environment). */
  awsEndpoint(): Endpoint;
  /** Runs `fn` against the run's endpoint; under --local DynamoDB Local serves `dataDir` for the whole of `fn`. */
  withEndpoint<T>(dataDir: string, fn: (e: Endpoint) => Promise<T>): Promise<T>;
}

/** Before anything is read: --local and a stack input name two different places. */
export function checkEndpointOptions(opts: BaseSessionOptions): void {
  if (opts.local && opts.stackInput !== undefined) throw new UsageError('--local and --stack-input exclude each other', 'Use --local for DynamoDB Local, --stack-input for AWS (or another endpoint).');
}

/** Exit code 1 once the stack input's diagnostics are printed. */
export async function openBaseSession(opts: BaseSessionOptions, io: Io, status?: Status): Promise<BaseSession | number> {
  checkEndpointOptions(opts);
  const { stack, mask, out, valid } = await openStackInput(opts.stackInput, io, status);
  if (!valid) return 1;
  const binary = await findBinary(opts.binary, io, out);
  const pc = stack?.input?.provider_config;
  const endpointOf = (aws: AwsSettings, kind: Endpoint['kind']): Endpoint => ({ aws, kind, provider: renderProvider({ region: aws.region, endpoint: aws.endpoint }) });
  const awsEndpoint = (): Endpoint => {
    const region = chooseRegion(pc, io.env);
    if (!region) throw noRegionError();
    const aws = awsSettings(pc, region);
    return endpointOf(aws, aws.endpoint === undefined ? 'aws' : 'endpoint');
  };
  return {
    io,
    out,
    mask,
    stack,
    local: opts.local,
    binary,
    pluginDir: pluginDirOf(opts.pluginDir, io),
    awsEndpoint,
    async withEndpoint(dataDir, fn) {
      if (opts.local) return withDynamoDbLocal(dataDir, io, out, (endpoint) => fn(endpointOf(localAws(endpoint), 'local')), status);
      return fn(awsEndpoint());
    },
  };
}

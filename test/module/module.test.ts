// The bundled module with real terraform/tofu: fmt, validate, and ONE offline plan of a root module with one
// `module` block per hack/examples manifest, whose planned values are asserted per example.
// Five terraform commands in all (fmt, init, validate, plan, show): each costs seconds of provider start-up.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { loadManifest } from '../../src/manifest/index.js';
import { toTfvars, type Tfvars } from '../../src/tfvars/index.js';
import { escapeTemplates } from '../helpers/hcl-json.js';
import { repoRoot } from '../helpers/repo.js';

const root = repoRoot;
const moduleDir = join(root, 'tf-module');
const examplesDir = join(root, 'hack', 'examples');

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const binary = process.env.PLANTON_TOFU_BIN || onPath('tofu') || onPath('terraform');
if (!binary) {
  console.warn('\n\n*** SKIPPING test/module: no terraform or tofu binary (set PLANTON_TOFU_BIN or put tofu/terraform on PATH) ***\n\n');
}
const describeWithTf = binary ? describe : describe.skip;
const KMS_ALIAS = 'arn:aws:kms:us-east-1:123456789012:alias/team/orders-key';

interface PlannedResource {
  address: string;
  type: string;
  name: string;
  index?: string | number;
  values: Record<string, any>;
}

function tf(args: string[], cwd: string): string {
  return execFileSync(binary!, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describeWithTf('tf-module with real terraform', () => {
  const work = join(root, 'test', '.tmp', `module-${process.pid}`);
  const tfvars = new Map<string, Tfvars>();
  let resources: PlannedResource[] = [];
  let outputs: Record<string, unknown> = {};
  let planOutput = '';

  /** Planned resources of one example's module instance. */
  const of = (example: string, type?: string): PlannedResource[] =>
    resources.filter((r) => r.address.startsWith(`module.${example}.`) && (type === undefined || r.type === type));
  const table = (example: string): Record<string, any> => {
    const found = of(example, 'aws_dynamodb_table');
    expect(found).toHaveLength(1);
    return found[0]!.values;
  };

  beforeAll(async () => {
    for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort()) {
      const { result, manifest } = await loadManifest({ file: join(examplesDir, file) });
      if (!manifest) throw new Error(`${file} is invalid: ${JSON.stringify(result.diagnostics)}`);
      tfvars.set(file.replace(/\.yaml$/, ''), toTfvars(manifest));
      // products once more, its alarm switched off and without the fields --local deletes: the module
      // must read their nulls as "not set" (a null table_class, insights flag or replica list fails the plan).
      if (file === 'products.yaml') {
        const { tableClass: _class, contributorInsightsEnabled: _insights, replicas: _replicas, ...spec } = manifest.spec;
        const off = { ...manifest, spec: { ...spec, alarms: { throttle: { ...spec.alarms!.throttle, enabled: false } } } };
        tfvars.set('products-switched-off', toTfvars(off));
      }
      // The smallest table once more with what AWS takes and the module once refused: -1 (no limit) as an
      // on-demand maximum, and an SSE key given as a KMS alias ARN; through --set, so validation passes them too.
      if (file === 'minimal-on-demand.yaml') {
        const sets = ['spec.onDemandThroughput.maxReadRequestUnits=-1', 'spec.onDemandThroughput.maxWriteRequestUnits=50', `spec.serverSideEncryption.kmsKeyArn=${KMS_ALIAS}`];
        const unlimited = await loadManifest({ file: join(examplesDir, file), sets });
        if (!unlimited.manifest) throw new Error(`the -1/alias variant is invalid: ${JSON.stringify(unlimited.result.diagnostics)}`);
        tfvars.set('on-demand-unlimited-alias-key', toTfvars(unlimited.manifest));
      }
    }
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const config = {
      provider: {
        aws: {
          region: 'us-east-1',
          access_key: 'test',
          secret_key: 'test',
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: true,
          skip_region_validation: true,
        },
      },
      module: Object.fromEntries([...tfvars].map(([name, vars]) => [name, { source: moduleDir, ...(escapeTemplates(vars) as object) }])),
      // A few module outputs, to check what plan already knows of them.
      output: {
        products_table_name: { value: '${module.products.table_name}' },
        products_aws_region: { value: '${module.products.aws_region}' },
        products_gsi_names: { value: '${module.products.global_secondary_index_names}' },
        leaderboard_lsi_names: { value: '${module.leaderboard.local_secondary_index_names}' },
        xfusion_stream_arn: { value: '${module.xfusion-users.stream_arn}' },
      },
    };
    writeFileSync(join(work, 'main.tf.json'), JSON.stringify(config, null, 2));

    const pluginDir = process.env.PLANTON_PLUGIN_DIR;
    tf(['init', '-input=false', '-no-color', ...(pluginDir ? [`-plugin-dir=${pluginDir}`] : [])], work);
    tf(['validate', '-no-color'], work);
    planOutput = tf(['plan', '-input=false', '-no-color', '-refresh=false', '-lock=false', '-out=examples.tfplan'], work);
    const plan = JSON.parse(tf(['show', '-json', 'examples.tfplan'], work)) as {
      planned_values: { outputs: Record<string, { value?: unknown }>; root_module: { child_modules?: { resources?: PlannedResource[] }[] } };
    };
    outputs = Object.fromEntries(Object.entries(plan.planned_values.outputs).map(([k, v]) => [k, v.value]));
    resources = (plan.planned_values.root_module.child_modules ?? []).flatMap((m) => m.resources ?? []);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is formatted (terraform fmt -check -recursive tf-module)', () => {
    expect(() => tf(['fmt', '-check', '-recursive', moduleDir], root)).not.toThrow();
  });

  it('plans without warnings from the module (check blocks, deprecations)', () => {
    expect(planOutput).not.toMatch(/Check block assertion|Warning: .*(deprecated|Deprecated)/);
    expect(planOutput).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
  });

  it('plans one table per example, and only the resources each example asks for', () => {
    const counts = Object.fromEntries(
      [...tfvars.keys()].map((name) => [name, of(name).map((r) => r.address.slice(`module.${name}.`.length)).sort()]),
    );
    expect(counts['products']).toEqual([
      'aws_cloudwatch_metric_alarm.throttle["read"]',
      'aws_cloudwatch_metric_alarm.throttle["write"]',
      'aws_dynamodb_table.this',
    ]);
    expect(counts['prod-settings']).toEqual(['aws_dynamodb_contributor_insights.this[0]', 'aws_dynamodb_table.this']);
    expect(counts['resource-policy']).toEqual(['aws_dynamodb_resource_policy.this[0]', 'aws_dynamodb_table.this']);
    expect(counts['sessions-autoscaling']).toEqual([
      'aws_appautoscaling_policy.this["UserIndex/read"]',
      'aws_appautoscaling_policy.this["read"]',
      'aws_appautoscaling_policy.this["write"]',
      'aws_appautoscaling_target.this["UserIndex/read"]',
      'aws_appautoscaling_target.this["read"]',
      'aws_appautoscaling_target.this["write"]',
      'aws_dynamodb_table.this',
    ]);
    for (const name of tfvars.keys()) {
      if (['products', 'prod-settings', 'resource-policy', 'sessions-autoscaling'].includes(name)) continue;
      expect([name, counts[name]]).toEqual([name, ['aws_dynamodb_table.this']]);
    }
  });

  it('sends billing_mode always and capacities only for PROVISIONED tables and their GSIs', () => {
    for (const [name, vars] of tfvars) {
      const t = table(name);
      expect([name, t.billing_mode]).toEqual([name, vars.billing_mode]);
      if (vars.billing_mode === 'PAY_PER_REQUEST') {
        // Optional+computed: unset in config means "known after apply", never a number we sent.
        expect([name, t.read_capacity, t.write_capacity]).toEqual([name, undefined, undefined]);
      }
    }
    const orders = table('provisioned-composite');
    expect([orders.read_capacity, orders.write_capacity]).toEqual([10, 5]);
    expect(orders.global_secondary_index).toEqual([
      {
        name: 'StatusIndex',
        hash_key: 'status',
        range_key: 'order_date',
        projection_type: 'INCLUDE',
        non_key_attributes: ['currency', 'total'],
        read_capacity: 5,
        write_capacity: 5,
        on_demand_throughput: [],
      },
    ]);
    const sessions = table('sessions-autoscaling');
    expect([sessions.read_capacity, sessions.write_capacity]).toEqual([5, 5]);
  });

  it('plans key schemas with S/N/B attribute types derived from the keys', () => {
    const attrs = (name: string) => table(name).attribute.map((a: { name: string; type: string }) => `${a.name}:${a.type}`).sort();
    expect(table('xfusion-users')).toMatchObject({ name: 'xfusion-users', hash_key: 'xfusion_id', range_key: null });
    expect(attrs('xfusion-users')).toEqual(['xfusion_id:S']);
    expect(table('binary-keys')).toMatchObject({ hash_key: 'content_hash', range_key: 'chunk_id' });
    expect(attrs('binary-keys')).toEqual(['chunk_id:B', 'content_hash:B', 'size_bucket:N']);
    expect(table('products')).toMatchObject({ hash_key: 'id' });
    expect(attrs('products')).toEqual(['category:S', 'created_at:S', 'id:N']);
    expect(attrs('leaderboard')).toEqual(['game_id:S', 'player_id:S', 'score:N', 'season:S']);
  });

  // An unset non_key_attributes is planned as an empty list by the provider.
  it('plans GSI and LSI shapes with non_key_attributes only for INCLUDE', () => {
    const lb = table('leaderboard');
    expect(lb.global_secondary_index).toEqual([
      expect.objectContaining({ name: 'TopScores', hash_key: 'season', range_key: 'score', projection_type: 'INCLUDE', non_key_attributes: ['player_name'] }),
    ]);
    expect(lb.local_secondary_index).toEqual([{ name: 'ByScore', range_key: 'score', projection_type: 'KEYS_ONLY', non_key_attributes: [] }]);
    const products = table('products');
    expect(products.global_secondary_index).toEqual([
      expect.objectContaining({ name: 'CategoryIndex', hash_key: 'category', range_key: 'created_at', projection_type: 'ALL', non_key_attributes: [] }),
    ]);
    expect(table('users-with-gsi').global_secondary_index).toEqual([
      // No sort key: SDKv2 plans an unset string inside a set as "".
      { name: 'EmailIndex', hash_key: 'email', range_key: '', projection_type: 'KEYS_ONLY', non_key_attributes: [], on_demand_throughput: [] },
    ]);
  });

  it('renders ttl, stream, PITR and SSE blocks only as the manifest turns them on', () => {
    expect(table('sessions').ttl).toEqual([{ enabled: true, attribute_name: 'expires_at' }]);
    // Off with a name: an `enabled = false` block (turns TTL off on an existing table). On create the
    // provider makes no TTL call and plans the name as null, which is what it reads back: no drift.
    expect(table('products').ttl).toEqual([{ enabled: false, attribute_name: null }]);
    // Off without a name: no block; the provider then plans ttl as "known after apply".
    expect(table('xfusion-users').ttl).toBeUndefined();

    const s = table('sessions-autoscaling');
    expect([s.stream_enabled, s.stream_view_type]).toEqual([true, 'NEW_AND_OLD_IMAGES']);
    expect(s.server_side_encryption).toEqual([{ enabled: true, kms_key_arn: 'arn:aws:kms:us-east-1:123456789012:key/5678efgh-56ef-78gh-90ij-5678901234ef' }]);
    expect(table('xfusion-users').stream_enabled).toBe(false);
    expect(table('xfusion-users').stream_view_type).toBeUndefined();
    expect(table('xfusion-users').server_side_encryption).toBeUndefined(); // no block: "known after apply"
    expect(table('products').server_side_encryption).toEqual([{ enabled: true }]);

    expect(table('prod-settings').point_in_time_recovery).toEqual([{ enabled: true, recovery_period_in_days: 35 }]);
    expect(table('dev-settings').point_in_time_recovery).toEqual([{ enabled: false }]);
    expect(table('users-with-gsi').point_in_time_recovery).toEqual([{ enabled: true }]);
  });

  it('plans table class, deletion protection, timeouts and tags (labels merged, nothing added)', () => {
    expect(table('dev-settings')).toMatchObject({ table_class: 'STANDARD_INFREQUENT_ACCESS', deletion_protection_enabled: false });
    expect(table('dev-settings').tags).toEqual({ env: 'dev', Environment: 'dev' });
    expect(tfvars.get('products-switched-off')).toMatchObject({ table_class: null, contributor_insights_enabled: null, replicas: null });
    expect(table('products-switched-off')).toMatchObject({ table_class: null, replica: [] });
    const prod = table('prod-settings');
    // The provider plans STANDARD, the AWS default, as null (and reads it back the same way: no drift).
    expect(prod).toMatchObject({ table_class: null, deletion_protection_enabled: true });
    expect(prod.timeouts).toEqual({ create: '30m', update: '1h30m', delete: '10m' });
    expect(table('users-with-gsi').tags).toEqual({ team: 'identity', Environment: 'staging', Owner: 'identity-team' });
  });

  it('plans replicas of the global table and on-demand limits only when set', () => {
    const g = table('global-table');
    expect(g.replica.map((r: { region_name: string }) => r.region_name).sort()).toEqual(['ap-southeast-1', 'eu-west-1', 'us-west-2']);
    expect(g.replica[0]).toMatchObject({ point_in_time_recovery: true, propagate_tags: true });
    expect(table('minimal-on-demand').on_demand_throughput).toEqual([]);
    expect(tfvars.get('on-demand-unlimited-alias-key')).toMatchObject({ on_demand_throughput: { max_read_request_units: -1, max_write_request_units: 50 }, server_side_encryption_kms_key_arn: KMS_ALIAS });
    const unlimited = table('on-demand-unlimited-alias-key');
    expect(unlimited.on_demand_throughput).toEqual([{ max_read_request_units: -1, max_write_request_units: 50 }]);
    expect(unlimited.server_side_encryption).toEqual([{ enabled: true, kms_key_arn: KMS_ALIAS }]);
  });

  it('plans restore arguments and the import_table block with CSV options', () => {
    expect(table('restore-pitr')).toMatchObject({ restore_source_name: 'orders', restore_to_latest_time: true, restore_date_time: null, restore_source_table_arn: null });
    expect(table('import-from-s3').import_table).toEqual([
      {
        input_format: 'CSV',
        input_compression_type: 'GZIP',
        s3_bucket_source: [{ bucket: 'my-data-bucket', key_prefix: 'books/', bucket_owner: '123456789012' }],
        input_format_options: [{ csv: [{ delimiter: ';', header_list: ['author', 'isbn', 'title'] }] }],
      },
    ]);
    expect(table('xfusion-users').import_table).toEqual([]);
  });

  it('attaches the resource policy as JSON', () => {
    const [policy] = of('resource-policy', 'aws_dynamodb_resource_policy');
    expect(JSON.parse(policy!.values.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AllowPartnerRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: '*' },
      ],
    });
  });

  it('plans autoscaling targets and policies like terraform-aws-modules v4 for exactly the dimensions asked for', () => {
    const targets = Object.fromEntries(of('sessions-autoscaling', 'aws_appautoscaling_target').map((r) => [r.index, r.values]));
    expect(targets).toEqual({
      read: expect.objectContaining({ service_namespace: 'dynamodb', resource_id: 'table/app-sessions', scalable_dimension: 'dynamodb:table:ReadCapacityUnits', min_capacity: 5, max_capacity: 200 }),
      write: expect.objectContaining({ service_namespace: 'dynamodb', resource_id: 'table/app-sessions', scalable_dimension: 'dynamodb:table:WriteCapacityUnits', min_capacity: 5, max_capacity: 100 }),
      'UserIndex/read': expect.objectContaining({ resource_id: 'table/app-sessions/index/UserIndex', scalable_dimension: 'dynamodb:index:ReadCapacityUnits', min_capacity: 5, max_capacity: 50 }),
    });
    const policies = Object.fromEntries(of('sessions-autoscaling', 'aws_appautoscaling_policy').map((r) => [r.index, r.values]));
    const config = (metric: string, target: number, scaleIn: number, scaleOut: number) => [
      expect.objectContaining({
        predefined_metric_specification: [expect.objectContaining({ predefined_metric_type: metric })],
        target_value: target,
        scale_in_cooldown: scaleIn,
        scale_out_cooldown: scaleOut,
      }),
    ];
    expect(policies).toEqual({
      read: expect.objectContaining({
        name: 'DynamoDBReadCapacityUtilization:table/app-sessions',
        policy_type: 'TargetTrackingScaling',
        resource_id: 'table/app-sessions',
        scalable_dimension: 'dynamodb:table:ReadCapacityUnits',
        target_tracking_scaling_policy_configuration: config('DynamoDBReadCapacityUtilization', 70, 300, 30),
      }),
      write: expect.objectContaining({
        name: 'DynamoDBWriteCapacityUtilization:table/app-sessions',
        scalable_dimension: 'dynamodb:table:WriteCapacityUnits',
        target_tracking_scaling_policy_configuration: config('DynamoDBWriteCapacityUtilization', 60, 0, 0),
      }),
      'UserIndex/read': expect.objectContaining({
        name: 'DynamoDBReadCapacityUtilization:table/app-sessions/index/UserIndex',
        resource_id: 'table/app-sessions/index/UserIndex',
        scalable_dimension: 'dynamodb:index:ReadCapacityUnits',
        target_tracking_scaling_policy_configuration: config('DynamoDBReadCapacityUtilization', 70, 0, 0),
      }),
    });
  });

  it('plans read and write throttle alarms on the table from alarms.throttle', () => {
    const alarms = Object.fromEntries(of('products', 'aws_cloudwatch_metric_alarm').map((r) => [r.index, r.values]));
    for (const [key, metric] of [['read', 'ReadThrottleEvents'], ['write', 'WriteThrottleEvents']] as const) {
      expect(alarms[key]).toMatchObject({
        alarm_name: `products-${metric}`,
        namespace: 'AWS/DynamoDB',
        metric_name: metric,
        dimensions: { TableName: 'products' },
        statistic: 'Sum',
        comparison_operator: 'GreaterThanThreshold',
        threshold: 0,
        period: 300,
        evaluation_periods: 2,
        alarm_actions: ['arn:aws:sns:us-east-1:123456789012:dynamodb-alarms'],
      });
    }
  });

  it('knows the outputs that do not depend on AWS at plan time', () => {
    expect(outputs).toEqual({
      products_table_name: 'products',
      products_aws_region: 'us-east-1',
      products_gsi_names: ['CategoryIndex'],
      leaderboard_lsi_names: ['ByScore'],
      xfusion_stream_arn: null,
    });
  });

  it('turns on contributor insights for the table when asked', () => {
    const [ci] = of('prod-settings', 'aws_dynamodb_contributor_insights');
    expect(ci!.values).toMatchObject({ table_name: 'catalog-prod' });
  });
});

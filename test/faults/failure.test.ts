// planton's sentence after the tofu failures whose raw text does not say what to do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainFailure } from '../../src/tofu/failure.js';

const WORK = '/w/.planton/orders';

describe('explainFailure', () => {
  test('a state lock held by another run names it and how to release a stale lock', () => {
    const stderr = [
      'Error: Error acquiring the state lock',
      '',
      'Error message: resource temporarily unavailable',
      'Lock Info:',
      '  ID:        4c448756-e0f0-5a47-cc42-d7e0ef8778ca',
      '  Path:      terraform.tfstate',
      '  Operation: OperationTypePlan',
      '  Who:       root@vm',
      '  Version:   1.11.4',
      '  Created:   2026-11-23 10:34:36.651579189 +0000 UTC',
      '  Info:      ',
    ].join('\n');
    expect(explainFailure(stderr, WORK)).toEqual([
      'planton: the state is locked by another run (plan by root@vm since 2026-11-23 10:34:36.651579189 +0000 UTC); wait for it to finish and try again. ' +
        'If no other run is active (it crashed), release the lock with `terraform force-unlock 4c448756-e0f0-5a47-cc42-d7e0ef8778ca` in /w/.planton/orders.',
    ]);
  });

  test('the boxed, coloured form tofu prints on a terminal is read the same way', () => {
    const stderr = '╷\n│ \x1b[31mError: \x1b[0mError acquiring the state lock\n│ \n│ Lock Info:\n│   ID:        abc-123\n│   Operation: OperationTypeApply\n╵\n';
    expect(explainFailure(stderr, WORK, 'tofu')).toEqual([
      'planton: the state is locked by another run (apply); wait for it to finish and try again. If no other run is active (it crashed), release the lock with `tofu force-unlock abc-123` in /w/.planton/orders.',
    ]);
  });

  test('a protected table says how to turn protection off first', () => {
    const stderr =
      'Error: deleting AWS DynamoDB Table (orders): operation error DynamoDB: DeleteTable, https response error StatusCode: 400, api error ValidationException: Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.';
    expect(explainFailure(stderr, WORK)).toEqual([
      "planton: table 'orders' has deletion protection on, so it was not deleted. To delete it, set `deletionProtectionEnabled: false` under spec in the manifest, run `planton tofu apply`, then `planton tofu destroy` again.",
    ]);
  });

  test('an endpoint that refuses connections is named', () => {
    const stderr =
      'Error: creating AWS DynamoDB Table (t): operation error DynamoDB: CreateTable, exceeded maximum number of attempts, 1, https response error StatusCode: 0, RequestID: , request send failed, Post "http://127.0.0.1:42657/": dial tcp 127.0.0.1:42657: connect: connection refused';
    expect(explainFailure(stderr, WORK)).toEqual([
      'planton: nothing answers at 127.0.0.1:42657 (connection refused): is the endpoint of provider_config.endpoint (e.g. DynamoDB Local) running? Start it again (same port and data directory) and rerun the command; tofu kept the state of what it finished.',
    ]);
  });

  test('tofu’s wrapped lines are read as one, and an address that is not the provider’s endpoint is the backend’s', () => {
    // terraform 1.11.4 with a five-digit port: the words wrap at 80 columns.
    const stderr =
      'operation error DynamoDB: ListTables, exceeded maximum number of attempts, 1,\nhttps response error StatusCode: 0, RequestID: , request send failed, Post\n"http://127.0.0.1:34985/": dial tcp 127.0.0.1:34985: connect: connection\nrefused\n';
    const tail = ' (e.g. DynamoDB Local) running? Start it again (same port and data directory) and rerun the command; tofu kept the state of what it finished.';
    expect(explainFailure(stderr, WORK, 'terraform', { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:34985' })).toEqual([
      `planton: nothing answers at 127.0.0.1:34985 (connection refused): is the endpoint of provider_config.endpoint${tail}`,
    ]);
    expect(explainFailure(stderr, WORK, 'terraform', { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000' })).toEqual([
      `planton: nothing answers at 127.0.0.1:34985 (connection refused): is the endpoint of backend.endpoint or backend.dynamodbEndpoint${tail}`,
    ]);
  });

  test('a table that exists outside the state names --adopt', () => {
    const stderr = 'Error: creating AWS DynamoDB Table (orders): operation error DynamoDB: CreateTable, https response error StatusCode: 400, RequestID: 1, ResourceInUseException: Cannot create preexisting table';
    expect(explainFailure(stderr, WORK)).toEqual([
      'planton: the table already exists outside this state. If this manifest manages it, run the same command with `--adopt` to take it into state; otherwise give the manifest another table name.',
    ]);
  });

  test('capacity and stream changed in one apply say how to split them', () => {
    const stderr = 'Error: updating AWS DynamoDB Table (orders): operation error DynamoDB: UpdateTable, https response error StatusCode: 400, api error ValidationException: Cannot change IOPS and Streams at the same time.';
    expect(explainFailure(stderr, WORK)).toEqual([
      'planton: DynamoDB cannot change capacity and the stream in one update. Apply the stream change on its own first (keep the old capacities in the manifest for one apply), then the capacity change.',
    ]);
  });

  test('other failures get no extra sentence (tofu’s own error stands)', () => {
    expect(explainFailure('Error: Unsupported argument\n\x1b[31mboom\x1b[0m', WORK)).toEqual([]);
  });

  describe('a state tofu cannot parse is named as damaged, never as a lock', () => {
    // terraform 1.11.4's words for a truncated terraform.tfstate: inside its lock error (plan, apply) and at init.
    const underLock = [
      'Error: Error acquiring the state lock',
      '',
      'Error message: 2 problems:',
      '',
      '- Unsupported state file format: The state file could not be parsed as JSON:',
      'syntax error at byte offset 63.',
      '- Unsupported state file format: The state file does not have a "version"',
      'attribute, which is required to identify the format version.',
      '',
      'Terraform acquires a state lock to protect the state from being written',
      'by multiple users at the same time. Please resolve the issue above and try',
      'again.',
    ].join('\n');
    const atInit = 'Error: Error refreshing state: 2 problems:\n\n- Unsupported state file format: The state file could not be parsed as JSON: syntax error at byte offset 63.\n';
    let work: string;
    beforeEach(() => (work = mkdtempSync(join(tmpdir(), 'planton-state-'))));
    afterEach(() => rmSync(work, { recursive: true, force: true }));

    test('a local state names the file and its backup', () => {
      writeFileSync(join(work, 'terraform.tfstate'), '{"version": 4, "terraform_version": "1.11.4", "serial": 1, "lin');
      writeFileSync(join(work, 'terraform.tfstate.backup'), '{"version": 4, "serial": 0, "lineage": "l", "resources": []}');
      const expected = [
        `planton: the state file ${work}/terraform.tfstate is damaged (not valid JSON), not locked by another run; planton leaves it as it is. ` +
          `${work}/terraform.tfstate.backup holds the state from before its last write: if it is the one you want, copy it over ${work}/terraform.tfstate and run again.`,
      ];
      expect(explainFailure(underLock, work)).toEqual(expected);
      expect(explainFailure(atInit, work)).toEqual(expected);
    });

    test('without a backup, or with a remote state, it says how to restore one', () => {
      writeFileSync(join(work, 'terraform.tfstate'), '[]');
      expect(explainFailure(underLock, work)).toEqual([
        `planton: the state file ${work}/terraform.tfstate is damaged (not a JSON object), not locked by another run; planton leaves it as it is. ` +
          'There is no terraform.tfstate.backup beside it: restore the state from a copy of your own (version control, a file backup) and run again.',
      ]);
      expect(explainFailure(underLock, join(work, 'remote'), 'tofu')).toEqual([
        'planton: the state is damaged (tofu cannot parse it), not locked by another run: restore it from a copy (for an s3 backend, an earlier version of the state object) and run again.',
      ]);
    });
  });

  describe('no credentials says where planton and the provider looked', () => {
    const stderr = 'Error: No valid credential sources found\n\n  with provider["registry.terraform.io/hashicorp/aws"],\n  on main.tf.json line 34, in provider.aws:\n';
    const fix =
      'For DynamoDB Local, run with --local (or give any accessKeyId/secretAccessKey in the stack input for one of your own); for AWS, give provider_config.accessKeyId/secretAccessKey or provider_config.profile in a stack input (--stack-input).';

    test('nothing given anywhere', () => {
      expect(explainFailure(stderr, WORK, 'terraform', { HOME: '/home/u' })).toEqual([
        'planton: no AWS credentials: the stack input gives no provider_config.accessKeyId/secretAccessKey or provider_config.profile, the environment has no ' +
          `AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, and the default profile chain (/home/u/.aws/credentials and /home/u/.aws/config) has none. ${fix}`,
      ]);
    });

    test('a profile that gives none, and half a key pair', () => {
      expect(explainFailure(stderr, WORK, 'terraform', { HOME: '/h', AWS_PROFILE: 'prod', AWS_CONFIG_FILE: '/etc/aws.conf' })).toEqual([
        `planton: no AWS credentials: profile 'prod' (provider_config.profile or AWS_PROFILE) gave none; planton looked in /h/.aws/credentials and /etc/aws.conf. ${fix}`,
      ]);
      expect(explainFailure(stderr, WORK, 'terraform', { HOME: '/h', AWS_ACCESS_KEY_ID: 'AKIA1' })).toEqual([
        `planton: no AWS credentials: the environment sets AWS_ACCESS_KEY_ID but not AWS_SECRET_ACCESS_KEY, and the default profile chain (/h/.aws/credentials and /h/.aws/config) has none. ${fix}`,
      ]);
    });
  });
});

// planton's sentence after the tofu failures whose raw text does not say what to do.
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
});

// One test per rule of docs/contract.md `rules` (rule 15, bad YAML, lives in load.test.ts): each feeds a bad manifest
// and asserts every diagnostic exactly: line:col, manifest path, sentence and code.
import { loadManifest } from '../../../src/manifest/index.js';
import { checkRules } from '../../../src/manifest/rules/index.js';
import { PK, problems, withSpec } from './helpers.js';
const pt = '  provisionedThroughput:\n    readCapacityUnits: 5\n    writeCapacityUnits: 5\n';
const gsi = (name: string, extra = '') => `    - name: ${name}\n      partitionKey:\n        name: cat\n        type: STRING\n${extra}`;
const cases: { name: string; text: string; opts: { region?: string }; expect: string[] }[] = [
  {
    name: "rule 1: a wrong apiVersion is reported on its value",
    text: withSpec(PK).replace('aws.project-planton.org/v1', 'aws.project-planton.org/v2'),
    opts: {},
    expect: [
      "1:13  apiVersion  must be `aws.project-planton.org/v1`, not `aws.project-planton.org/v2` [schema-const]"
    ],
  },
  {
    name: "rule 1: a wrong kind is reported on its value",
    text: withSpec(PK).replace('kind: AwsDynamodb', 'kind: AwsDynamoDb'),
    opts: {},
    expect: [
      "2:7  kind  must be `AwsDynamodb`, not `AwsDynamoDb` [schema-const]"
    ],
  },
  {
    name: "rule 1: an unknown field is reported on its key with the nearest known name",
    text: withSpec(PK + '  billingmode: PROVISIONED\n'),
    opts: {},
    expect: [
      "9:3  spec.billingmode  unknown field `billingmode`; did you mean `billingMode`? [schema-unknown-field]"
    ],
  },
  {
    name: "rule 1: key type S suggests STRING",
    text: withSpec('  partitionKey:\n    name: id\n    type: S\n'),
    opts: {},
    expect: [
      "8:11  spec.partitionKey.type  must be one of STRING, NUMBER or BINARY, not `S`; did you mean `STRING`? [schema-enum]"
    ],
  },
  {
    name: "rule 1: metadata accepts Project Planton's fields",
    text: withSpec(PK, '  name: users\n  slug: users\n  id: ddb-1\n  org: acme\n  env: prod\n  group: data\n  labels:\n    team: devops\n  annotations:\n    a/b: c\n  tags: [x, y]\n  relationships:\n    - kind: AwsVpc\n      name: main\n'),
    opts: {},
    expect: [],
  },
  {
    name: "rule 1: an unknown metadata field is reported",
    text: withSpec(PK, '  name: users\n  namespace: x\n'),
    opts: {},
    expect: [
      "5:3  metadata.namespace  unknown field `namespace` [schema-unknown-field]"
    ],
  },
  {
    name: "rule 2: a short spec.tableName is reported",
    text: withSpec('  tableName: ab\n' + PK),
    opts: {},
    expect: [
      "6:14  spec.tableName  table name `ab` must be 3-255 characters of letters, digits, `_`, `.` or `-` [table-name-invalid]"
    ],
  },
  {
    name: "rule 2: metadata.name must be a valid table name when spec.tableName is absent",
    text: withSpec(PK, '  name: my users\n'),
    opts: {},
    expect: [
      "4:9  metadata.name  metadata.name `my users` is the table name (spec.tableName is not set), so it must be 3-255 characters of letters, digits, `_`, `.` or `-`; or set spec.tableName [table-name-invalid]"
    ],
  },
  {
    name: "rule 2: metadata.name may be anything when spec.tableName is set",
    text: withSpec('  tableName: users\n' + PK, '  name: my users\n'),
    opts: {},
    expect: [],
  },
  {
    name: "rule 2: index names are unique across GSIs and LSIs",
    text: withSpec('  sortKey:\n    name: ts\n    type: NUMBER\n' + PK + '  globalSecondaryIndexes:\n' + gsi('ByX') + '  localSecondaryIndexes:\n    - name: ByX\n      sortKey:\n        name: score\n        type: NUMBER\n'),
    opts: {},
    expect: [
      "18:13  spec.localSecondaryIndexes[0].name  index name `ByX` is already used by spec.globalSecondaryIndexes[0]; index names are unique across global and local secondary indexes [index-name-duplicate]"
    ],
  },
  {
    name: "rule 3: one attribute name has one type in every key",
    text: withSpec(PK + '  globalSecondaryIndexes:\n    - name: ById\n      partitionKey:\n        name: id\n        type: NUMBER\n'),
    opts: {},
    expect: [
      "13:15  spec.globalSecondaryIndexes[0].partitionKey.type  attribute `id` is NUMBER here but STRING at spec.partitionKey; an attribute has one type in every key [attribute-type-conflict]"
    ],
  },
  {
    name: "rule 4: PROVISIONED needs table provisionedThroughput",
    text: withSpec('  billingMode: PROVISIONED\n' + PK),
    opts: {},
    expect: [
      "6:16  spec.billingMode  billingMode PROVISIONED needs spec.provisionedThroughput with readCapacityUnits and writeCapacityUnits (each at least 1) [provisioned-needs-throughput]"
    ],
  },
  {
    name: "rule 4: PROVISIONED needs provisionedThroughput on every GSI",
    text: withSpec('  billingMode: PROVISIONED\n' + PK + pt + '  globalSecondaryIndexes:\n' + gsi('ByCat')),
    opts: {},
    expect: [
      "14:7  spec.globalSecondaryIndexes[0]  index `ByCat` needs provisionedThroughput (readCapacityUnits and writeCapacityUnits) because billingMode is PROVISIONED [provisioned-needs-throughput]"
    ],
  },
  {
    name: "rule 4: PAY_PER_REQUEST forbids provisionedThroughput and autoScaling",
    text: withSpec(PK + pt + '  autoScaling:\n    read:\n      minCapacity: 1\n      maxCapacity: 5\n'),
    opts: {},
    expect: [
      "9:3  spec.provisionedThroughput  provisionedThroughput is only for billingMode PROVISIONED; remove it or set spec.billingMode: PROVISIONED [on-demand-forbids-throughput]",
      "12:3  spec.autoScaling  autoScaling is only for billingMode PROVISIONED; remove it or set spec.billingMode: PROVISIONED [on-demand-forbids-autoscaling]"
    ],
  },
  {
    name: "rule 4: onDemandThroughput only with PAY_PER_REQUEST",
    text: withSpec('  billingMode: PROVISIONED\n' + PK + pt + '  onDemandThroughput:\n    maxReadRequestUnits: 5\n'),
    opts: {},
    expect: [
      "13:3  spec.onDemandThroughput  onDemandThroughput is only for billingMode PAY_PER_REQUEST; remove it or use provisionedThroughput [provisioned-forbids-on-demand-throughput]"
    ],
  },
  {
    name: "rule 4: capacity units are at least 1",
    text: withSpec('  billingMode: PROVISIONED\n' + PK + '  provisionedThroughput:\n    readCapacityUnits: 0\n    writeCapacityUnits: 5\n'),
    opts: {},
    expect: [
      "11:24  spec.provisionedThroughput.readCapacityUnits  must be at least 1, not 0 [schema-minimum]"
    ],
  },
  {
    name: "rule 5: at most 20 GSIs",
    text: withSpec(PK + '  globalSecondaryIndexes:\n' + Array.from({ length: 21 }, (_, i) => gsi(`Index${i}`)).join('')),
    opts: {},
    expect: [
      "10:5  spec.globalSecondaryIndexes  21 global secondary indexes; a table has at most 20 [too-many-global-indexes]"
    ],
  },
  {
    name: "rule 5: an LSI needs a table sortKey",
    text: withSpec(PK + '  localSecondaryIndexes:\n    - name: ByScore\n      sortKey:\n        name: score\n        type: NUMBER\n'),
    opts: {},
    expect: [
      "9:3  spec.localSecondaryIndexes  local secondary indexes need a table sort key: add spec.sortKey [lsi-needs-table-sort-key]"
    ],
  },
  {
    name: "rule 6: INCLUDE needs nonKeyAttributes",
    text: withSpec(PK + '  globalSecondaryIndexes:\n' + gsi('ByCat', '      projection:\n        type: INCLUDE\n')),
    opts: {},
    expect: [
      "15:15  spec.globalSecondaryIndexes[0].projection.type  projection type INCLUDE needs a non-empty nonKeyAttributes list (the attributes to copy into the index) [include-needs-non-key-attributes]"
    ],
  },
  {
    name: "rule 6: KEYS_ONLY forbids nonKeyAttributes",
    text: withSpec(PK + '  globalSecondaryIndexes:\n' + gsi('ByCat', '      projection:\n        type: KEYS_ONLY\n        nonKeyAttributes: [a]\n')),
    opts: {},
    expect: [
      "16:9  spec.globalSecondaryIndexes[0].projection.nonKeyAttributes  nonKeyAttributes is only for projection type INCLUDE (this one is KEYS_ONLY); remove it or set type: INCLUDE [non-key-attributes-need-include]"
    ],
  },
  {
    name: "rule 6: at most 100 projected non-key attributes over all indexes",
    text: withSpec(PK + '  globalSecondaryIndexes:\n' + gsi('ByCat', `      projection:\n        type: INCLUDE\n        nonKeyAttributes: [${Array.from({ length: 60 }, (_, i) => `a${i}`).join(', ')}]\n`) + gsi('ByCat2', `      projection:\n        type: INCLUDE\n        nonKeyAttributes: [${Array.from({ length: 41 }, (_, i) => `b${i}`).join(', ')}]\n`)),
    opts: {},
    expect: [
      "23:27  spec.globalSecondaryIndexes[1].projection.nonKeyAttributes  this brings the projected non-key attributes, summed over all indexes, to 101; the limit is 100 [too-many-projected-attributes]"
    ],
  },
  {
    name: "rule 7: an enabled ttl needs attributeName",
    text: withSpec(PK + '  ttl:\n    enabled: true\n'),
    opts: {},
    expect: [
      "9:3  spec.ttl  ttl needs attributeName (the item attribute holding the expiry time, in epoch seconds) [ttl-needs-attribute-name]"
    ],
  },
  {
    name: "rule 8: an enabled stream needs viewType",
    text: withSpec(PK + '  stream:\n    enabled: true\n'),
    opts: {},
    expect: [
      "9:3  spec.stream  an enabled stream needs viewType: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES [stream-needs-view-type]"
    ],
  },
  {
    name: "rule 8: a viewType with the stream off is an error",
    text: withSpec(PK + '  stream:\n    enabled: false\n    viewType: NEW_IMAGE\n'),
    opts: {},
    expect: [
      "11:5  spec.stream.viewType  viewType is set but stream.enabled is false; AWS rejects a view type without a stream (remove viewType or enable the stream) [stream-view-type-needs-enabled]"
    ],
  },
  {
    name: "rule 9: recoveryPeriodInDays is 1-35",
    text: withSpec(PK + '  pointInTimeRecovery:\n    recoveryPeriodInDays: 36\n'),
    opts: {},
    expect: [
      "10:27  spec.pointInTimeRecovery.recoveryPeriodInDays  recoveryPeriodInDays must be a whole number of days from 1 to 35, not 36 [pitr-period-out-of-range]"
    ],
  },
  {
    name: "rule 10: kmsKeyArn must be a KMS key ARN",
    text: withSpec(PK + '  serverSideEncryption:\n    enabled: true\n    kmsKeyArn: alias/mine\n'),
    opts: {},
    expect: [
      "11:16  spec.serverSideEncryption.kmsKeyArn  kmsKeyArn must be a KMS key ARN like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab or a KMS alias ARN like arn:aws:kms:us-east-1:123456789012:alias/my-key [kms-key-arn-invalid]"
    ],
  },
  {
    name: "rule 10: kmsKeyArn may be a KMS alias ARN (DynamoDB takes both), with a warning that plans never settle",
    text: withSpec(PK + '  serverSideEncryption:\n    enabled: true\n    kmsKeyArn: arn:aws:kms:eu-west-1:123456789012:alias/team/orders-key\n'),
    opts: {},
    expect: [
      "11:16  spec.serverSideEncryption.kmsKeyArn  DynamoDB takes an alias ARN, but reports the key's own ARN back, so every plan shows kmsKeyArn changing and the table never reaches \"no changes\"; give the ARN of the key the alias points to (aws kms describe-key --key-id ARN shows it) [kms-alias-arn-never-converges]"
    ],
  },
  {
    name: "rule 10: kmsKeyArn needs encryption enabled",
    text: withSpec(PK + '  serverSideEncryption:\n    enabled: false\n    kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/abcd-1234\n'),
    opts: {},
    expect: [
      "11:5  spec.serverSideEncryption.kmsKeyArn  kmsKeyArn is set but serverSideEncryption.enabled is false; remove kmsKeyArn or enable encryption [kms-key-needs-sse-enabled]"
    ],
  },
  {
    name: "rule 11: replicas need the stream, unique regions other than the provider region, and autoScaling when PROVISIONED",
    text: withSpec('  billingMode: PROVISIONED\n' + PK + pt + '  replicas:\n    - regionName: us-west-2\n    - regionName: us-west-2\n    - regionName: us-east-1\n'),
    opts: { region: 'us-east-1' },
    expect: [
      "13:3  spec.replicas  replicas need spec.stream with enabled: true and viewType: NEW_AND_OLD_IMAGES [replicas-need-stream]",
      "13:3  spec.replicas  replicas of a PROVISIONED table need spec.autoScaling so every region scales its capacity [replicas-need-autoscaling]",
      "15:19  spec.replicas[1].regionName  region `us-west-2` has two replicas; each region holds at most one [replica-region-duplicate]",
      "16:19  spec.replicas[2].regionName  `us-east-1` is the table's own region (the provider region); a replica goes to another region [replica-region-is-provider-region]"
    ],
  },
  {
    name: "rule 12: minCapacity <= maxCapacity and targetUtilization 20-90",
    text: withSpec('  billingMode: PROVISIONED\n' + PK + pt + '  autoScaling:\n    write:\n      minCapacity: 10\n      maxCapacity: 5\n      targetUtilization: 95\n'),
    opts: {},
    expect: [
      "15:20  spec.autoScaling.write.minCapacity  minCapacity 10 is above maxCapacity 5 [autoscaling-min-above-max]",
      "17:26  spec.autoScaling.write.targetUtilization  must be at most 90, not 95 [schema-maximum]"
    ],
  },
  {
    name: "rule 13: importTable.csv only with inputFormat CSV",
    text: withSpec(PK + '  importTable:\n    inputFormat: DYNAMODB_JSON\n    s3BucketSource:\n      bucket: my-bucket\n    csv:\n      delimiter: ";"\n'),
    opts: {},
    expect: [
      "13:5  spec.importTable.csv  csv settings are only for inputFormat: CSV (this import is DYNAMODB_JSON) [import-csv-needs-csv-format]"
    ],
  },
  {
    name: "rule 14: at most 50 tags with labels, key and value lengths, no aws: prefix",
    text: withSpec(PK + '  tags:\n' + Array.from({ length: 21 }, (_, i) => `    t${i}: v\n`).join('') + `    ${'k'.repeat(129)}: v\n    big: ${'v'.repeat(257)}\n    "aws:owner": me\n`, '  name: users\n  labels:\n' + Array.from({ length: 30 }, (_, i) => `    l${i}: v\n`).join('')),
    opts: {},
    expect: [
      "40:3  spec.tags  metadata.labels and spec.tags make 54 tags on the table; the limit is 50 [too-many-tags]",
      "62:5  spec.tags.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk  tag key `kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk` must be 1-128 characters [tag-key-length]",
      "63:10  spec.tags.big  tag value is 257 characters; the limit is 256 [tag-value-length]",
      "64:5  spec.tags[\"aws:owner\"]  tag key `aws:owner` starts with `aws:`, which AWS reserves [tag-key-aws-prefix]"
    ],
  },
  {
    name: "rule 16: a key schema names an attribute once (table, GSI, LSI)",
    text: withSpec(PK + '  sortKey:\n    name: id\n    type: STRING\n  globalSecondaryIndexes:\n    - name: ByCat\n      partitionKey:\n        name: cat\n        type: STRING\n      sortKey:\n        name: cat\n        type: STRING\n  localSecondaryIndexes:\n    - name: ByScore\n      sortKey:\n        name: id\n        type: STRING\n'),
    opts: {},
    expect: [
      "10:11  spec.sortKey.name  the table sort key `id` is the same attribute as its partition key; a key schema names an attribute once [sort-key-same-as-partition-key]",
      "18:15  spec.globalSecondaryIndexes[0].sortKey.name  index `ByCat` sort key `cat` is the same attribute as its partition key; a key schema names an attribute once [sort-key-same-as-partition-key]",
      "23:15  spec.localSecondaryIndexes[0].sortKey.name  local index `ByScore` sort key `id` is the same attribute as the table's partition key; a key schema names an attribute once [sort-key-same-as-partition-key]"
    ],
  },
  {
    name: "rule 17: attribute names are counted in UTF-8 bytes and nonKeyAttributes are unique",
    text: withSpec('  partitionKey:\n    name: ' + 'é'.repeat(128) + '\n    type: STRING\n  globalSecondaryIndexes:\n' + gsi('ByCat', '      projection:\n        type: INCLUDE\n        nonKeyAttributes: [a, b, a]\n')),
    opts: {},
    expect: [
      "7:11  spec.partitionKey.name  attribute name is 256 bytes of UTF-8; the limit is 255 bytes [attribute-name-too-long]",
      "16:34  spec.globalSecondaryIndexes[0].projection.nonKeyAttributes[2]  `a` is listed twice in nonKeyAttributes [non-key-attribute-duplicate]"
    ],
  },
  {
    name: "rule 18: onDemandThroughput sets at least one unit",
    text: withSpec(PK + '  onDemandThroughput: {}\n'),
    opts: {},
    expect: [
      "9:3  spec.onDemandThroughput  onDemandThroughput needs maxReadRequestUnits, maxWriteRequestUnits or both (each at least 1, or -1 for no limit) [on-demand-throughput-empty]"
    ],
  },
  {
    name: "rule 18: onDemandThroughput units are at least 1, or -1",
    text: withSpec(PK + '  onDemandThroughput:\n    maxReadRequestUnits: 0\n    maxWriteRequestUnits: -2\n'),
    opts: {},
    expect: [
      "10:26  spec.onDemandThroughput.maxReadRequestUnits  maxReadRequestUnits must be at least 1, or -1 for no limit, not 0 [on-demand-units-invalid]",
      "11:27  spec.onDemandThroughput.maxWriteRequestUnits  maxWriteRequestUnits must be at least 1, or -1 for no limit, not -2 [on-demand-units-invalid]"
    ],
  },
  {
    name: "rule 18: -1 (AWS: no limit) is accepted on the table and on a GSI",
    text: withSpec(PK + '  onDemandThroughput:\n    maxReadRequestUnits: -1\n    maxWriteRequestUnits: 50\n  globalSecondaryIndexes:\n' + gsi('ByCat', '      onDemandThroughput:\n        maxReadRequestUnits: 10\n        maxWriteRequestUnits: -1\n')),
    opts: {},
    expect: [],
  },
  {
    name: "rule 19: import bucketOwner, csv delimiter, headerList and no LSIs",
    text: withSpec(PK + '  sortKey:\n    name: ts\n    type: NUMBER\n  importTable:\n    inputFormat: CSV\n    s3BucketSource:\n      bucket: my-bucket\n      bucketOwner: "12345"\n    csv:\n      delimiter: "#"\n      headerList: [id, "a,b"]\n  localSecondaryIndexes:\n    - name: ByScore\n      sortKey:\n        name: score\n        type: NUMBER\n'),
    opts: {},
    expect: [
      "16:20  spec.importTable.s3BucketSource.bucketOwner  bucketOwner must be a 12-digit AWS account id (quote it so YAML keeps leading zeros) [import-bucket-owner-invalid]",
      "18:18  spec.importTable.csv.delimiter  delimiter \"#\" is not allowed; use one of , ; : | a tab or a space [import-csv-delimiter-invalid]",
      "19:24  spec.importTable.csv.headerList[1]  header `a,b` cannot contain a comma or a double quote [import-csv-header-invalid]",
      "20:3  spec.localSecondaryIndexes  an imported table cannot have local secondary indexes (S3 import creates none, and the next plan would replace the table); remove them or drop importTable [import-forbids-lsi]"
    ],
  },
  {
    name: "rule 19: import needs s3BucketSource.bucket",
    text: withSpec(PK + '  importTable:\n    inputFormat: ION\n    s3BucketSource:\n      keyPrefix: x/\n'),
    opts: {},
    expect: [
      "11:5  spec.importTable.s3BucketSource.bucket  missing required field `bucket` [schema-required]"
    ],
  },
  {
    name: "rule 20: tag keys and values use only the allowed characters",
    text: withSpec(PK + '  tags:\n    "team#1": ok\n    owner: "me!"\n'),
    opts: {},
    expect: [
      "10:5  spec.tags[\"team#1\"]  tag key `team#1` may only use letters, digits, spaces and + - = . _ : / [tag-key-characters]",
      "11:12  spec.tags.owner  tag value may only use letters, digits, spaces and + - = . _ : / [tag-value-characters]"
    ],
  },
  {
    name: "rule 21: a replica's KMS key is in the replica's region",
    text: withSpec(PK + '  stream:\n    enabled: true\n    viewType: NEW_AND_OLD_IMAGES\n  replicas:\n    - regionName: eu-west-1\n      kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/abcd-1234\n'),
    opts: {},
    expect: [
      "14:18  spec.replicas[0].kmsKeyArn  this KMS key is in us-east-1 but the replica is in eu-west-1; use a key of the replica's region [replica-kms-key-region]"
    ],
  },
  {
    name: "rule 22: disabled ttl and stream need nothing more (no block is sent to AWS)",
    text: withSpec(PK + '  ttl:\n    enabled: false\n  stream:\n    enabled: false\n'),
    opts: {},
    expect: [],
  },
  {
    name: "rule 23: restore names one source, one point, and not with importTable",
    text: withSpec(PK + '  restore:\n    sourceTableName: orders\n    sourceTableArn: arn:aws:dynamodb:us-east-1:123456789012:table/orders\n  importTable:\n    inputFormat: ION\n    s3BucketSource:\n      bucket: my-bucket\n'),
    opts: {},
    expect: [
      "9:3  spec.restore  restore needs a point in time: restoreDateTime (RFC 3339) or useLatestRestorableTime: true [restore-point-exactly-one]",
      "9:3  spec.restore  restore and importTable both create the table from existing data; keep one [restore-with-import]",
      "11:5  spec.restore.sourceTableArn  restore names two sources; keep sourceTableName or sourceTableArn, not both [restore-source-exactly-one]"
    ],
  },
  {
    name: "rule 23: useLatestRestorableTime false is no point in time",
    text: withSpec(PK + '  restore:\n    sourceTableName: orders\n    useLatestRestorableTime: false\n'),
    opts: {},
    expect: [
      "9:3  spec.restore  restore needs a point in time: restoreDateTime (RFC 3339) or useLatestRestorableTime: true [restore-point-exactly-one]"
    ],
  },
  {
    name: "rule 23: restoreDateTime is RFC 3339 and excludes useLatestRestorableTime",
    text: withSpec(PK + '  restore:\n    sourceTableName: orders\n    restoreDateTime: yesterday\n    useLatestRestorableTime: true\n'),
    opts: {},
    expect: [
      "11:22  spec.restore.restoreDateTime  `yesterday` is not an RFC 3339 date-time like 2026-11-20T10:00:00Z [schema-format]",
      "12:5  spec.restore.useLatestRestorableTime  restore names two points in time; keep restoreDateTime or useLatestRestorableTime: true, not both [restore-point-exactly-one]"
    ],
  },
  {
    name: "rule 24: resourcePolicy needs Version and a non-empty Statement; timeouts are durations",
    text: withSpec(PK + '  resourcePolicy:\n    Statement: []\n  timeouts:\n    create: soon\n'),
    opts: {},
    expect: [
      "9:3  spec.resourcePolicy.Version  missing required field `Version` [schema-required]",
      "10:16  spec.resourcePolicy.Statement  must not be empty [schema-min-items]",
      "12:13  spec.timeouts.create  timeouts.create must be a duration in hours, minutes and seconds like 30m, 2h or 1h30m, not `soon` [timeout-invalid-duration]"
    ],
  },
  {
    name: "rule 24: resourcePolicy is at most 20 KB as JSON",
    text: withSpec(PK + '  resourcePolicy:\n    Version: "2012-10-17"\n    Statement:\n      - Effect: Allow\n        Principal: "*"\n        Action: "dynamodb:GetItem"\n        Resource: "' + 'x'.repeat(21000) + '"\n'),
    opts: {},
    expect: [
      "9:3  spec.resourcePolicy  resourcePolicy is 21115 bytes as JSON; the limit is 20 KB (20480 bytes) [resource-policy-too-large]"
    ],
  },
  {
    name: "rule 25: autoScaling has read or write; cooldowns are >= 0",
    text: withSpec('  billingMode: PROVISIONED\n' + PK + pt + '  autoScaling: {}\n  globalSecondaryIndexes:\n' + gsi('ByCat', pt.replace(/^  /gm, '      ') + '      autoScaling:\n        read:\n          minCapacity: 1\n          maxCapacity: 5\n          scaleInCooldown: -1\n')),
    opts: {},
    expect: [
      "13:3  spec.autoScaling  autoScaling needs read, write or both [autoscaling-empty]",
      "26:28  spec.globalSecondaryIndexes[0].autoScaling.read.scaleInCooldown  must be at least 0, not -1 [schema-minimum]"
    ],
  },
  {
    name: "rule 26: alarms.throttle.periodSeconds is 10, 30 or a multiple of 60",
    text: withSpec(PK + '  alarms:\n    throttle:\n      periodSeconds: 20\n'),
    opts: {},
    expect: [
      "11:22  spec.alarms.throttle.periodSeconds  periodSeconds must be 10, 30 or a multiple of 60 (CloudWatch's rule), not 20; try 30 or 60 [alarm-period-invalid]"
    ],
  },
  {
    name: "rule 26: a period between two minutes names both neighbours; 10, 30 and 120 pass",
    text: withSpec(PK + '  alarms:\n    throttle:\n      periodSeconds: 90\n'),
    opts: {},
    expect: [
      "11:22  spec.alarms.throttle.periodSeconds  periodSeconds must be 10, 30 or a multiple of 60 (CloudWatch's rule), not 90; try 60 or 120 [alarm-period-invalid]"
    ],
  },
  ...[10, 30, 120].map((period) => ({
    name: `rule 26: periodSeconds ${period} is accepted`,
    text: withSpec(PK + `  alarms:\n    throttle:\n      periodSeconds: ${period}\n`),
    opts: {},
    expect: [],
  })),
  {
    name: "rule 27: a restore point in the future is refused",
    text: withSpec(PK + '  restore:\n    sourceTableName: orders\n    restoreDateTime: "2999-01-01T00:00:00Z"\n'),
    opts: {},
    expect: [
      "11:22  spec.restore.restoreDateTime  restoreDateTime 2999-01-01T00:00:00Z is in the future; a table can only be restored to a time that has passed, or use useLatestRestorableTime: true [restore-time-in-future]"
    ],
  },
  {
    name: "rule 27: timeouts that overflow a Go duration are refused, naming the field; the largest that fits passes",
    text: withSpec(PK + '  timeouts:\n    create: 2562048h\n    update: 2562047h\n    delete: 9999999999999h\n'),
    opts: {},
    expect: [
      "10:13  spec.timeouts.create  timeouts.create is `2562048h`, longer than terraform can hold (a duration is at most about 2,562,047 hours); use a shorter one like 2h [timeout-too-long]",
      "12:13  spec.timeouts.delete  timeouts.delete is `9999999999999h`, longer than terraform can hold (a duration is at most about 2,562,047 hours); use a shorter one like 2h [timeout-too-long]"
    ],
  },
  {
    name: "rule 27: each policy statement has Effect, Principal and Action (or their Not forms), located on the statement",
    text: withSpec(PK + '  resourcePolicy:\n    Version: "2012-10-17"\n    Statement:\n      - Effect: Allow\n        Resource: "*"\n        Actions: [dynamodb:GetItem]\n      - NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }\n        NotAction: "dynamodb:DeleteTable"\n        Effect: Permit\n      - Effect: Deny\n        Principal: "*"\n        Action: "dynamodb:*"\n        NotAction: "dynamodb:GetItem"\n'),
    opts: {},
    expect: [
      "12:9  spec.resourcePolicy.Statement[0]  statement 0 needs `Principal` (or `NotPrincipal`) and `Action` (or `NotAction`): a resource policy statement says who may do what, and whether it is allowed or denied [policy-statement-incomplete]",
      "14:9  spec.resourcePolicy.Statement[0].Actions  unknown field `Actions` in a policy statement; did you mean `Action`? [policy-statement-unknown-field]",
      "17:17  spec.resourcePolicy.Statement[1].Effect  Effect must be Allow or Deny, not \"Permit\" [policy-effect-invalid]",
      "21:9  spec.resourcePolicy.Statement[2].NotAction  statement 2 has both Action and NotAction; keep one [policy-statement-conflict]"
    ],
  },
  {
    name: "rule 27: a policy has only Version, Id and Statement at its top; __proto__ is an unknown field, located",
    text: withSpec(PK + '  resourcePolicy:\n    Version: "2012-10-17"\n    Id: orders-access\n    __proto__: { polluted: true }\n    Statement:\n      - { Effect: Allow, Principal: "*", Action: "dynamodb:GetItem" }\n'),
    opts: {},
    expect: [
      "12:5  spec.resourcePolicy.__proto__  unknown field `__proto__` [schema-unknown-field]"
    ],
  },
  {
    name: "rule 28: a key in metadata.labels and spec.tags with different values is an error, on the tag",
    text: withSpec(PK + '  tags:\n    team: payments\n    env: prod\n', '  name: users\n  labels:\n    team: identity\n    env: prod\n'),
    opts: {},
    expect: [
      "13:5  spec.tags.team  tag `team` is \"payments\" here but \"identity\" in metadata.labels; both become the table's tags, so give them the same value or drop one [tag-label-conflict]"
    ],
  },
  {
    name: "rule 28: an unknown YAML tag is an error at the tag, never dropped",
    text: withSpec(PK + '  tableClass: !foo STANDARD\n  tags: !custom\n    team: a\n  deletionProtectionEnabled: !!flag true\n  tableName: !str users\n'),
    opts: {},
    expect: [
      "9:15  spec.tableClass  unknown YAML tag `!foo`; a manifest holds plain YAML values: write `STANDARD` without it [yaml-unknown-tag]",
      "10:9  spec.tags  unknown YAML tag `!custom`; a manifest holds plain YAML values: write the value without it [yaml-unknown-tag]",
      "12:30  spec.deletionProtectionEnabled  unknown YAML tag `!!flag`; a manifest holds plain YAML values: write `true` without it [yaml-unknown-tag]",
      "13:14  spec.tableName  unknown YAML tag `!str`; a manifest holds plain YAML values: write `users` without it [yaml-unknown-tag]"
    ],
  },
  {
    name: "rule 29: a range error names the field",
    text: withSpec('  billingMode: PROVISIONED\n' + PK + '  provisionedThroughput:\n    readCapacityUnits: 99999999999999999999\n    writeCapacityUnits: 5\n'),
    opts: {},
    expect: [
      "11:24  spec.provisionedThroughput.readCapacityUnits  readCapacityUnits is `99999999999999999999`, too large to keep exactly (integers must be at most 9007199254740991, 2^53 - 1) [number-too-large]"
    ],
  },
  {
    name: "rule 29: a value of the wrong YAML type says its type",
    text: withSpec('  billingMode: PROVISIONED\n' + PK + '  provisionedThroughput:\n    readCapacityUnits: "5"\n    writeCapacityUnits: five\n  deletionProtectionEnabled: "true"\n  tableName: 12345\n'),
    opts: {},
    expect: [
      "11:24  spec.provisionedThroughput.readCapacityUnits  is the string \"5\", not a whole number: write 5 without quotes [schema-type]",
      "12:25  spec.provisionedThroughput.writeCapacityUnits  is the string \"five\", not a whole number [schema-type]",
      "13:30  spec.deletionProtectionEnabled  is the string \"true\", not true or false: write true without quotes [schema-type]",
      "14:14  spec.tableName  is the number 12345, not a string: quote it (\"12345\") to make it text [schema-type]"
    ],
  },
];

describe('docs/contract.md rules', () => {
  test.each(cases)('$name', async ({ text, opts, expect: expected }) => {
    expect(await problems(text, opts)).toEqual(expected);
  });
});

test('rule 10: a manifest with a KMS alias ARN is valid; the alias gets a warning, not an error', async () => {
  const { result } = await loadManifest({ file: 'm.yaml', text: withSpec(PK + '  serverSideEncryption:\n    kmsKeyArn: arn:aws:kms:us-east-1:123456789012:alias/orders\n') });
  expect(result.status).toBe('valid');
  expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning kms-alias-arn-never-converges']);
});

describe('rule 27 against a fixed clock', () => {
  const restoreAt = (restoreDateTime: string) => ({ spec: { partitionKey: { name: 'id', type: 'STRING' }, restore: { sourceTableName: 'orders', restoreDateTime } } });
  const now = new Date('2026-11-20T10:00:00Z');
  test('a second ago passes, a second ahead (also written with an offset) is refused', () => {
    expect(checkRules(restoreAt('2026-11-20T09:59:59Z'), { now })).toEqual([]);
    expect(checkRules(restoreAt('2026-11-20T11:00:01+01:00'), { now }).map((v) => `${v.pointer} ${v.code}`)).toEqual(['/spec/restore/restoreDateTime restore-time-in-future']);
  });
  test('a time without an offset is left to the schema (it is not RFC 3339), not read as local time', () => {
    expect(checkRules(restoreAt('2999-01-01T00:00:00'), { now })).toEqual([]);
  });
});

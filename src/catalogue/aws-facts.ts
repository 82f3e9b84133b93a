// What AWS does for each kind of change, in the words planton prints. Every sentence rests on the
// AWS documentation page named next to it; change the text only together with its source.

/** Key schema and local secondary indexes are fixed at CreateTable: UpdateTable has no parameter
 *  for either, so the provider must delete the table and create it again.
 *  Source: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
 *  (request syntax: no KeySchema, no LocalSecondaryIndexes), and
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-localsecondaryindex.html
 *  ("A local secondary index can only be created when its parent table is created"). */
export const REPLACEMENT_DELETES_ITEMS =
  'DynamoDB cannot change this on a live table: the table is deleted and created again, and every item in the table will be deleted';

/** A new GSI is backfilled from the table's items while the table keeps serving reads and writes.
 *  Source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html
 *  (adding a GSI to an existing table; the Backfilling phase), and
 *  https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndexDescription.html (Backfilling). */
export const GSI_BACKFILL =
  'index is built online: DynamoDB backfills it from the existing items while the table stays available; queries on the index wait until it is ACTIVE';

/** One index created or deleted per UpdateTable call; UpdateTable is asynchronous (table UPDATING).
 *  Source: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
 *  ("You can create or delete only one global secondary index per UpdateTable operation"). */
export const ONE_GSI_PER_UPDATE =
  'AWS creates or deletes one global secondary index per UpdateTable call, so these index changes run one after another';

/** Switching capacity modes.
 *  Source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/switching.capacitymode.html
 *  ("from provisioned capacity mode to on-demand mode up to four times in a 24-hour rolling window";
 *  "from on-demand mode to provisioned capacity mode at any time"). */
export const TO_ON_DEMAND_LIMIT = 'AWS allows at most four switches from PROVISIONED to PAY_PER_REQUEST per table in a rolling 24 hours';
export const TO_PROVISIONED = 'AWS allows a switch from PAY_PER_REQUEST to PROVISIONED at any time';

/** A changed key or projection of an existing GSI cannot be updated in place: UpdateTable's
 *  GlobalSecondaryIndexUpdate only creates, deletes, or changes throughput of an index, so the
 *  provider deletes the index and creates it again.
 *  Source: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndexUpdate.html */
export const GSI_REBUILD =
  'the index is deleted and created again (UpdateTable cannot change an index key or projection); the table keeps its items, the index is backfilled again';

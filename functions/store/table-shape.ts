// The single table's shape, shared by the CDK stack and the local stack so both create the same thing.
export const TABLE_SHAPE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [{ name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' }],
  /** Epoch seconds after which DynamoDB may delete an item (idempotency keys and the like). */
  ttlAttribute: 'expiresAt',
} as const;

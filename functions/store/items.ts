// What every store does with items: read a whole partition (following DynamoDB's pages,
// strongly consistent) and turn an item back into its domain record without the table's keys.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;

/** Every item in partition `pk` (optionally only sort keys starting with `skPrefix`), in key order. */
export async function queryPartition(db: DynamoDBDocumentClient, table: string, pk: string, skPrefix?: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: skPrefix === undefined ? 'PK = :pk' : 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: skPrefix === undefined ? { ':pk': pk } : { ':pk': pk, ':sk': skPrefix },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The record an item holds: everything but the table's own key and type attributes. */
export function withoutKeys<T>(item: Item): T {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, type: _type, ...rest } = item;
  return rest as T;
}

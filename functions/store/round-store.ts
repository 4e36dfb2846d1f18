// Rounds live in one small partition: a few a year, listed with one strongly consistent Query,
// so a round SST just opened is visible at once.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, RoundStore } from '#core/ports';
import type { RoundRecord } from '#core/rounds';
import { keys } from '#store/keys';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

const strip = (item: Record<string, unknown>): RoundRecord => {
  const { PK: _pk, SK: _sk, type: _type, ...round } = item;
  return round as unknown as RoundRecord;
};

export class DynamoRoundStore implements RoundStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(): Promise<RoundRecord[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': 'ROUNDS' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items.map(strip);
  }

  async get(roundId: string): Promise<RoundRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.round(roundId), ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  }

  async create(round: RoundRecord, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.round(round.roundId), type: 'round', ...round },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditPut(this.table, event),
    ]);
  }

  async update(round: RoundRecord, expectedFormVersion: number, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.round(round.roundId), type: 'round', ...round },
          ConditionExpression: 'attribute_exists(PK) AND formVersion = :v',
          ExpressionAttributeValues: { ':v': expectedFormVersion },
        },
      },
      auditPut(this.table, event),
    ]);
  }
}

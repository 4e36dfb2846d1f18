// Rounds live in one small partition: a few a year, listed with one strongly consistent Query,
// so a round SST just opened is visible at once.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, RoundStore } from '#core/ports';
import type { RoundRecord } from '#core/rounds';
import { keys } from '#store/keys';
import { queryPartition, withoutKeys, type Item } from '#store/items';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

const strip = (item: Item) => withoutKeys<RoundRecord>(item);

export class DynamoRoundStore implements RoundStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(): Promise<RoundRecord[]> {
    const items = await queryPartition(this.db, this.table, 'ROUNDS');
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

  async replace(round: RoundRecord, expected: { opensAt: string; updatedAt?: string | undefined }, now: string, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.round(round.roundId), type: 'round', ...round },
          ConditionExpression:
            'attribute_exists(PK) AND opensAt = :opens AND opensAt > :now AND attribute_not_exists(formVersionLockedAt) AND ' +
            (expected.updatedAt ? 'updatedAt = :updated' : 'attribute_not_exists(updatedAt)'),
          ExpressionAttributeValues: { ':opens': expected.opensAt, ':now': now, ...(expected.updatedAt ? { ':updated': expected.updatedAt } : {}) },
        },
      },
      auditPut(this.table, event),
    ]);
  }

  async switchFormVersion(roundId: string, from: number, to: number, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      {
        // An update, not a put of the round as read: a lock a submit set meanwhile can never be written away.
        Update: {
          TableName: this.table,
          Key: keys.round(roundId),
          UpdateExpression: 'SET formVersion = :to',
          ConditionExpression: 'attribute_exists(PK) AND formVersion = :from AND attribute_not_exists(formVersionLockedAt)',
          ExpressionAttributeValues: { ':from': from, ':to': to },
        },
      },
      auditPut(this.table, event),
    ]);
  }
}

// Calendar subscriptions: `CALFEED#<sha256 of token>` / `FEED`, which the public feed route reads,
// and the owner's list entry `CALFEEDS#<subject>` / `SUB#<id>`, written together (and revoked
// together) in one transaction with the audit event. The token itself is never stored.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#core/ports';
import type { CalendarFeed, CalendarFeedStore } from '#core/schedule-ports';
import { keys } from '#store/keys';
import { queryPartition, withoutKeys, type Item } from '#store/items';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

const strip = (item: Item) => withoutKeys<CalendarFeed>(item);

export class DynamoCalendarFeedStore implements CalendarFeedStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(feed: CalendarFeed, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      { Put: { TableName: this.table, Item: { ...keys.calendarFeed(feed.tokenHash), type: 'calendar-feed', ...feed }, ConditionExpression: 'attribute_not_exists(PK)' } },
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.calendarFeedsOf(feed.owner.subject, feed.subscriptionId), type: 'calendar-feed-entry', ...feed },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditPut(this.table, event),
    ]);
  }

  async byTokenHash(tokenHash: string): Promise<CalendarFeed | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.calendarFeed(tokenHash), ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  }

  async list(subject: string): Promise<CalendarFeed[]> {
    return (await queryPartition(this.db, this.table, keys.calendarFeedsOf(subject).PK, 'SUB#')).map(strip);
  }

  async get(subject: string, subscriptionId: string): Promise<CalendarFeed | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.calendarFeedsOf(subject, subscriptionId), ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  }

  async revoke(feed: CalendarFeed, at: string, by: string, event: AuditEvent): Promise<void> {
    const update = (key: Record<string, string>) => ({
      Update: {
        TableName: this.table,
        Key: key,
        UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': at, ':by': by },
      },
    });
    await transact(this.db, [update(keys.calendarFeed(feed.tokenHash)), update(keys.calendarFeedsOf(feed.owner.subject, feed.subscriptionId)), auditPut(this.table, event)]);
  }
}

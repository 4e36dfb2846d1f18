// Task Force meetings for the year wheel: one small partition (`MEETINGS`), a handful a year.
// Each change raises `sequence`, conditional on the one the writer read (and on it being the
// ICS SEQUENCE, calendars replace the old event).
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#core/ports';
import type { MeetingStore } from '#core/schedule-ports';
import type { Meeting } from '#schemas/schedule';
import { keys } from '#store/keys';
import { queryPartition, withoutKeys, type Item } from '#store/items';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

const strip = (item: Item) => withoutKeys<Meeting>(item);

export class DynamoMeetingStore implements MeetingStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(): Promise<Meeting[]> {
    const items = await queryPartition(this.db, this.table, keys.meeting().PK);
    return items.map(strip);
  }

  async get(meetingId: string): Promise<Meeting | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.meeting(meetingId), ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  }

  async put(meeting: Meeting, expectedSequence: number | undefined, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.meeting(meeting.meetingId), type: 'meeting', ...meeting },
          ...(expectedSequence === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : { ConditionExpression: '#seq = :seq', ExpressionAttributeNames: { '#seq': 'sequence' }, ExpressionAttributeValues: { ':seq': expectedSequence } }),
        },
      },
      auditPut(this.table, event),
    ]);
  }
}

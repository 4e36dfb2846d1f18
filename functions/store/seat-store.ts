// The Task Force's seat contacts (`TASKFORCE` / `SEAT#<seatId>`): who gets the meeting
// invitations. Every change writes its audit event in the same transaction.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#core/ports';
import type { SeatContactStore, SeatContacts } from '#core/schedule-ports';
import { keys } from '#store/keys';
import { queryPartition, withoutKeys } from '#store/items';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

export class DynamoSeatContactStore implements SeatContactStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(): Promise<SeatContacts[]> {
    return (await queryPartition(this.db, this.table, keys.seatContacts().PK)).map((i) => withoutKeys<SeatContacts>(i));
  }

  async put(contacts: SeatContacts, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      { Put: { TableName: this.table, Item: { ...keys.seatContacts(contacts.seatId), type: 'seat-contacts', ...contacts } } },
      auditPut(this.table, event),
    ]);
  }
}

// Organisation contact addresses (`ORG#<orgId>` / `CONTACTS`) and SST's notification settings
// (`ORG#sst` / `NOTIFY`). Every change writes its audit event in the same transaction.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#core/ports';
import type { ContactStore } from '#core/schedule-ports';
import type { Contacts, NotificationSettings } from '#schemas/schedule';
import { keys } from '#store/keys';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, type: _type, ...rest } = item;
  return rest as T;
}

export class DynamoContactStore implements ContactStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(orgId: string): Promise<Contacts | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.contacts(orgId), ConsistentRead: true }));
    return out.Item ? strip<Contacts>(out.Item) : undefined;
  }

  async put(contacts: Contacts, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      { Put: { TableName: this.table, Item: { ...keys.contacts(contacts.orgId), type: 'contacts', ...contacts } } },
      auditPut(this.table, event),
    ]);
  }

  async getSettings(): Promise<NotificationSettings | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.notificationSettings(), ConsistentRead: true }));
    return out.Item ? strip<NotificationSettings>(out.Item) : undefined;
  }

  async putSettings(settings: NotificationSettings, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      { Put: { TableName: this.table, Item: { ...keys.notificationSettings(), type: 'notification-settings', ...settings } } },
      auditPut(this.table, event),
    ]);
  }
}

// Organisation contact addresses (`ORG#<orgId>` / `CONTACTS`) and SST's notification settings
// (`ORG#sst` / `NOTIFY`). Every change writes its audit event in the same transaction.
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#core/ports';
import type { ContactStore } from '#core/schedule-ports';
import type { Contacts, NotificationSettings } from '#schemas/schedule';
import { keys } from '#store/keys';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

/** BatchGetItem's own limit of keys per request. */
const BATCH_KEYS = 100;
/** Rounds of retrying keys DynamoDB left unprocessed (throttling) before reading those one by one. */
const BATCH_RETRIES = 4;

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

  /**
   * One BatchGetItem per hundred organisations instead of a GetItem each: the deadline check reads
   * the lists of every organisation owing a report, and a request each was most of its run.
   */
  async getMany(orgIds: readonly string[]): Promise<Map<string, Contacts>> {
    const out = new Map<string, Contacts>();
    const ids = [...new Set(orgIds)];
    for (let i = 0; i < ids.length; i += BATCH_KEYS) {
      let pending: Record<string, unknown>[] = ids.slice(i, i + BATCH_KEYS).map((id) => keys.contacts(id));
      for (let attempt = 0; pending.length > 0 && attempt <= BATCH_RETRIES; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        const res = await this.db.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } }));
        for (const item of res.Responses?.[this.table] ?? []) {
          const contacts = strip<Contacts>(item);
          out.set(contacts.orgId, contacts);
        }
        pending = res.UnprocessedKeys?.[this.table]?.Keys ?? [];
      }
      // Still throttled after the retries: the rest one by one, as before batching.
      for (const key of pending) {
        const id = ids.find((x) => keys.contacts(x).PK === key['PK'])!;
        const contacts = await this.get(id);
        if (contacts) out.set(id, contacts);
      }
    }
    return out;
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

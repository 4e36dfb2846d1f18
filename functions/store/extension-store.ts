// Deadline extensions: one item per (round, organisation) beside the submission heads
// (`ROUND#<roundId>` / `EXT#<orgId>`), so the submit path reads it with one GetItem.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#core/ports';
import type { ExtensionStore } from '#core/schedule-ports';
import type { Extension } from '#schemas/schedule';
import { keys } from '#store/keys';
import { queryPartition, withoutKeys, type Item } from '#store/items';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

const strip = (item: Item) => withoutKeys<Extension>(item);

export class DynamoExtensionStore implements ExtensionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(roundId: string, orgId: string): Promise<Extension | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.extension(roundId, orgId), ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  }

  async list(roundId: string): Promise<Extension[]> {
    const items = await queryPartition(this.db, this.table, keys.extension(roundId, '').PK, 'EXT#');
    return items.map(strip);
  }

  async put(extension: Extension, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      { Put: { TableName: this.table, Item: { ...keys.extension(extension.roundId, extension.orgId), type: 'extension', ...extension } } },
      auditPut(this.table, event),
    ]);
  }

  async remove(roundId: string, orgId: string, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      { Delete: { TableName: this.table, Key: keys.extension(roundId, orgId), ConditionExpression: 'attribute_exists(PK)' } },
      auditPut(this.table, event),
    ]);
  }
}

// The audit trail, read-only: events are written only inside the transactions of the changes
// they record (see audit-item.ts); no route can edit or delete one.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, AuditPage, AuditStore } from '#core/ports';
import { GSI1, auditMonths, keys } from '#store/keys';
import { queryPartition, withoutKeys, type Item } from '#store/items';

const strip = (item: Item) => withoutKeys<AuditEvent>(item);

interface Cursor {
  month: string;
  key?: Record<string, unknown>;
}

export class DynamoAuditStore implements AuditStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async history(subject: string): Promise<AuditEvent[]> {
    return (await queryPartition(this.db, this.table, keys.historyOf(subject), 'EVT#')).map(strip);
  }

  async between(from: string, to: string, limit: number, cursor?: string): Promise<AuditPage> {
    const position: Cursor | undefined = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor) : undefined;
    const items: AuditEvent[] = [];
    const months = auditMonths(from, to);
    for (const [i, month] of months.entries()) {
      if (position && month < position.month) continue;
      let start = position && month === position.month ? position.key : undefined;
      do {
        const out = await this.db.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: GSI1,
            KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
            // Sort keys are `<iso time>#<ulid>`: BETWEEN on the time prefix, the exclusive end filtered below.
            ExpressionAttributeValues: { ':pk': keys.auditMonth(month), ':from': from, ':to': to },
            Limit: limit - items.length,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(out.Items ?? []).map(strip).filter((e) => e.at < to));
        start = out.LastEvaluatedKey;
        if (items.length >= limit) {
          const following = months[i + 1];
          const next: Cursor | undefined = start ? { month, key: start } : following ? { month: following } : undefined;
          return { items, ...(next ? { next: Buffer.from(JSON.stringify(next)).toString('base64url') } : {}) };
        }
      } while (start);
    }
    return { items };
  }
}

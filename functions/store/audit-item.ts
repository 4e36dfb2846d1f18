// How an audit event is laid out in the table; written inside the same transaction as the change.
import type { AuditEvent } from '#core/ports';
import { keys } from '#store/keys';

export function auditPut(table: string, event: AuditEvent) {
  return {
    Put: {
      TableName: table,
      Item: { ...keys.event(event.subject, event.at, event.id), type: 'event', ...event },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

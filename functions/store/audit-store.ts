// The audit trail, read-only: events are written only inside the transactions of the changes
// they record (see audit-item.ts); no route can edit or delete one.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidCursor, type AuditEvent, type AuditFilter, type AuditPage, type AuditStore } from '#core/ports';
import { GSI1, auditMonths, keys } from '#store/keys';
import { queryPartition, withoutKeys, type Item } from '#store/items';

const strip = (item: Item) => withoutKeys<AuditEvent>(item);

const KEY_NAMES = ['GSI1PK', 'GSI1SK', 'PK', 'SK'];

/**
 * Reads a cursor back, accepting only what `between` itself issues for this interval: a month the
 * query touches and, within it, a start key of exactly the index's and table's key strings, in that
 * month's partition and inside the interval. Anything else would reach DynamoDB as a start key it
 * refuses (a 500), or position the read somewhere this query never goes.
 */
function readCursor(cursor: string, months: string[], from: string, to: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InvalidCursor();
  const { month, key, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof month !== 'string' || !months.includes(month)) throw new InvalidCursor();
  if (key === undefined) return { month };
  if (key === null || typeof key !== 'object' || Array.isArray(key)) throw new InvalidCursor();
  const k = key as Record<string, unknown>;
  const names = Object.keys(k).sort();
  if (names.join() !== KEY_NAMES.join() || names.some((n) => typeof k[n] !== 'string')) throw new InvalidCursor();
  const sk = k['GSI1SK'] as string;
  if (k['GSI1PK'] !== keys.auditMonth(month) || sk < from || sk > to || !(k['PK'] as string).startsWith('HIST#') || !(k['SK'] as string).startsWith('EVT#')) {
    throw new InvalidCursor();
  }
  return { month, key: k };
}

/** Query pages read per call at most: a narrow filter over a year answers in pieces, never in one long call. */
const MAX_PAGES_PER_CALL = 25;
/**
 * Items a filtered query evaluates per page. DynamoDB's Limit counts items read before the
 * filter, so a page of 50 under a narrow filter read only 50 events: 25 pages reached 1,250
 * events into a month and a busy month answered page 1 with no events and a cursor. Filtered,
 * each read takes up to this many (a page stays under DynamoDB's 1 MB), and the answer is cut
 * at `limit` matches with a cursor at the last one kept.
 */
const FILTERED_READ = 1_000;

/** The start key that resumes a query right after `item`: the table's and the index's keys. */
const keyOf = (item: Item): Record<string, unknown> => Object.fromEntries(KEY_NAMES.map((n) => [n, item[n]]));

/**
 * Letter case folded the Danish way ("SØREN" finds "Søren") and Unicode composed, so an "å" typed
 * as a + ring finds the stored one. DynamoDB's `contains` compares bytes, so the actor is matched
 * here, after the read, instead of in the FilterExpression.
 */
const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('da');

function actorMatcher(actor: string | undefined): ((e: AuditEvent) => boolean) | undefined {
  if (!actor) return undefined;
  const wanted = fold(actor);
  return (e) => (e.actorId !== undefined && fold(e.actorId) === wanted) || fold(e.actor).includes(wanted);
}

/** The filter as a DynamoDB FilterExpression (applied after the key condition, before Limit counts); the actor is matched by `actorMatcher`. */
function filterExpression(filter: AuditFilter | undefined): { expression?: string; names: Record<string, string>; values: Record<string, string> } {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, string> = {};
  if (filter?.orgId) {
    Object.assign(names, { '#org': 'orgId', '#aorg': 'actorOrgId' });
    values[':org'] = filter.orgId;
    clauses.push('(#org = :org OR #aorg = :org)');
  }
  if (filter?.roundId) {
    Object.assign(names, { '#round': 'roundId', '#subj': 'subject' });
    Object.assign(values, { ':round': filter.roundId, ':rsubj': `round/${filter.roundId}`, ':rsubjs': `round/${filter.roundId}/` });
    clauses.push('(#round = :round OR #subj = :rsubj OR begins_with(#subj, :rsubjs))');
  }
  if (filter?.action) {
    names['#action'] = 'action';
    values[':action'] = filter.action;
    clauses.push('begins_with(#action, :action)');
  }
  return { ...(clauses.length ? { expression: clauses.join(' AND ') } : {}), names, values };
}

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

  async between(from: string, to: string, limit: number, cursor?: string, filter?: AuditFilter): Promise<AuditPage> {
    const months = auditMonths(from, to);
    const position: Cursor | undefined = cursor ? readCursor(cursor, months, from, to) : undefined;
    const items: AuditEvent[] = [];
    const f = filterExpression(filter);
    const byActor = actorMatcher(filter?.actor);
    const filtered = !!f.expression || !!byActor;
    let pages = 0;
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
            ExpressionAttributeValues: { ':pk': keys.auditMonth(month), ':from': from, ':to': to, ...f.values },
            ...(f.expression ? { FilterExpression: f.expression, ExpressionAttributeNames: f.names } : {}),
            Limit: filtered ? FILTERED_READ : limit - items.length,
            ExclusiveStartKey: start,
          }),
        );
        // Limit counts items read, so a page the filter thins out is followed by the next read; the
        // cursor is the last key read, or the last match kept when a page holds more matches than
        // the answer takes, so nothing is skipped or seen twice.
        const read = out.Items ?? [];
        for (const [j, item] of read.entries()) {
          const e = strip(item);
          if (!(e.at < to && (!byActor || byActor(e)))) continue;
          items.push(e);
          if (items.length === limit && (j < read.length - 1 || out.LastEvaluatedKey)) {
            return { items, next: Buffer.from(JSON.stringify({ month, key: keyOf(item) } satisfies Cursor)).toString('base64url') };
          }
        }
        start = out.LastEvaluatedKey;
        pages++;
        if (items.length >= limit || (pages >= MAX_PAGES_PER_CALL && (start || months[i + 1]))) {
          const following = months[i + 1];
          const next: Cursor | undefined = start ? { month, key: start } : following ? { month: following } : undefined;
          return { items, ...(next ? { next: Buffer.from(JSON.stringify(next)).toString('base64url') } : {}) };
        }
      } while (start);
    }
    return { items };
  }
}

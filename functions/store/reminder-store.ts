// At-most-once notices. Before an e-mail goes out, the sender takes a claim with one
// conditional write; of two runs racing for the same (round, organisation, step), exactly one
// wins. The claim is `pending` with a lease while the mail is sent, then `sent` or `failed`.
// A crash between claim and outcome leaves a `pending` claim whose lease runs out, so a later
// run retries it; a `failed` claim is retried up to a limit. Also here: a round's reminder
// policy (one conditional update) and the submission feed read from the audit log.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AuditEvent, WriteConflict } from '#core/ports';
import type { AuditFeed, ClaimRequest, ClaimStore, NoticeClaim, NoticeRef, RoundPolicyStore, SubmitEvent } from '#core/schedule-ports';
import type { ReminderPolicy } from '#schemas/api';
import { GSI1, auditMonths, keys } from '#store/keys';
import { queryPartition } from '#store/items';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

const toClaim = (item: Record<string, unknown>): NoticeClaim => {
  const { PK, SK, type: _type, ...rest } = item;
  return { pk: PK as string, sk: SK as string, ...(rest as Omit<NoticeClaim, 'pk' | 'sk'>) };
};

const keyOf = (ref: NoticeRef) =>
  ref.kind === 'reminder' ? keys.reminder(ref.roundId, ref.orgId, ref.step) : keys.notice(ref.topic, ref.id);

async function lostIsFalse(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

export class DynamoClaimStore implements ClaimStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claim({ ref, now, leaseMs, maxAttempts, runId, detail }: ClaimRequest): Promise<NoticeClaim | undefined> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keyOf(ref),
          UpdateExpression:
            'SET #state = :pending, claimedAt = :now, leaseUntil = :lease, runId = :run, attempts = if_not_exists(attempts, :zero) + :one, #type = :type' +
            (detail ? ', detail = :detail' : ''),
          ConditionExpression:
            'attribute_not_exists(PK) OR (attempts < :max AND (#state = :failed OR (#state = :pending AND leaseUntil < :now)))',
          ExpressionAttributeNames: { '#state': 'state', '#type': 'type' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':failed': 'failed',
            ':now': now.toISOString(),
            ':lease': new Date(now.getTime() + leaseMs).toISOString(),
            ':run': runId,
            ':zero': 0,
            ':one': 1,
            ':max': maxAttempts,
            ':type': 'notice',
            ...(detail ? { ':detail': detail } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toClaim(out.Attributes!);
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return undefined;
      throw err;
    }
  }

  async markSent(claim: NoticeClaim, at: Date, messageId: string, recipients: string[]): Promise<void> {
    const ok = await this.settle(claim, 'SET #state = :to, sentAt = :at, messageId = :mid, recipients = :rcpt REMOVE #error', {
      ':to': 'sent',
      ':at': at.toISOString(),
      ':mid': messageId,
      ':rcpt': recipients,
    });
    if (!ok) throw new WriteConflict(`claim ${claim.pk}/${claim.sk} was taken over before its outcome was recorded`);
  }

  async markFailed(claim: NoticeClaim, at: Date, error: string): Promise<void> {
    await this.settle(claim, 'SET #state = :to, failedAt = :at, #error = :err', { ':to': 'failed', ':at': at.toISOString(), ':err': error.slice(0, 1000) });
  }

  /** Records a claim's outcome, only while the claiming run still holds it; false when it no longer does. */
  private settle(claim: NoticeClaim, update: string, values: Record<string, unknown>): Promise<boolean> {
    return lostIsFalse(
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: claim.pk, SK: claim.sk },
          UpdateExpression: update,
          ConditionExpression: 'runId = :run AND #state = :pending',
          ExpressionAttributeNames: { '#state': 'state', '#error': 'error' },
          ExpressionAttributeValues: { ...values, ':run': claim.runId, ':pending': 'pending' },
        }),
      ),
    );
  }

  async get(ref: NoticeRef): Promise<NoticeClaim | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keyOf(ref), ConsistentRead: true }));
    return out.Item ? toClaim(out.Item) : undefined;
  }

  async listReminders(roundId: string): Promise<(NoticeClaim & { orgId: string; step: string })[]> {
    const items = await queryPartition(this.db, this.table, keys.reminder(roundId, '', '').PK, 'REM#');
    return items.map((item) => {
      const claim = toClaim(item);
      const [, orgId, ...step] = claim.sk.split('#');
      return { ...claim, orgId: orgId!, step: step.join('#') };
    });
  }

  async getMark(name: string): Promise<string | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.mark(name), ConsistentRead: true }));
    return out.Item?.['value'] as string | undefined;
  }

  async setMark(name: string, value: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.mark(name), type: 'mark', value } }));
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    await this.db.send(new PutCommand(auditPut(this.table, event).Put));
  }
}

export class DynamoRoundPolicyStore implements RoundPolicyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async setReminderPolicy(roundId: string, policy: ReminderPolicy, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: keys.round(roundId),
          UpdateExpression: 'SET reminderPolicy = :policy',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':policy': policy },
        },
      },
      auditPut(this.table, event),
    ]);
  }
}

/** Submissions as the audit log recorded them; one Query per month on the audit index. */
export class DynamoSubmitFeed implements AuditFeed {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async submitEvents(from: Date, to: Date): Promise<SubmitEvent[]> {
    const out: SubmitEvent[] = [];
    const [a, b] = [from.toISOString(), to.toISOString()];
    // At most two years of partitions: the check looks back only to its previous run.
    for (const month of auditMonths(a, b).slice(0, 24)) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.db.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: GSI1,
            KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :a AND :b',
            FilterExpression: '#action = :submit',
            ExpressionAttributeNames: { '#action': 'action' },
            ExpressionAttributeValues: { ':pk': keys.auditMonth(month), ':a': a, ':b': b, ':submit': 'submission.submit' },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const e = item as AuditEvent;
          if (e.at < a || e.at >= b || !e.roundId || !e.orgId) continue;
          out.push({ at: e.at, id: e.id, roundId: e.roundId, orgId: e.orgId, actor: e.actor, late: e.detail?.['late'] === true });
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return out.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  }
}

// Turns a lost condition inside a DynamoDB transaction into the core's WriteConflict,
// so the core can tell "someone else was first" from a real failure. A transaction cancelled
// only because another one held the same item at that moment (`TransactionConflict`: several
// first submits of one round all touch the round's item) wrote nothing and is tried again.
import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { WriteConflict } from '#core/ports';

const CONFLICT_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function transact(db: DynamoDBDocumentClient, items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new WriteConflict();
      if (err instanceof TransactionCanceledException) {
        const reasons = err.CancellationReasons ?? [];
        if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw new WriteConflict();
        if (attempt < CONFLICT_ATTEMPTS && reasons.some((r) => r.Code === 'TransactionConflict')) {
          // Jittered, so the transactions that met do not meet again.
          await sleep(10 * attempt + Math.random() * 40);
          continue;
        }
      }
      throw err;
    }
  }
}

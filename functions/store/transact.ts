// Turns a lost condition inside a DynamoDB transaction into the core's WriteConflict,
// so the core can tell "someone else was first" from a real failure.
import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { WriteConflict } from '#core/ports';

export async function transact(db: DynamoDBDocumentClient, items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<void> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw new WriteConflict();
    if (err instanceof TransactionCanceledException) {
      const reasons = err.CancellationReasons ?? [];
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw new WriteConflict();
    }
    throw err;
  }
}

// Cold-start floor of the functions that use the table only: the project's own document client
// (functions/store/clients.ts) reading one item, and nothing else: no middy, no zod, no
// validation, no authorization. The gap between this and an area function is what our own code
// adds to a cold start; the gap between this and hello-world is the SDK's. The bench builds it
// twice: with the SDK's default credential chain and with the Lambda build's environment-only one.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getDocumentClient, requiredEnv } from '#store/clients';

export const handler = async (): Promise<{ statusCode: number; body: string }> => {
  const out = await getDocumentClient().send(new GetCommand({ TableName: requiredEnv('TABLE_NAME'), Key: { PK: 'ROUNDS', SK: 'ROUND#floor' } }));
  return { statusCode: 200, body: JSON.stringify(out.Item ?? null) };
};

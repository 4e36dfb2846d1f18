// Cold-start floor of the functions that use the table and send mail (calendar, deadline job):
// one GetItem, and one SendEmail to the local SES stand-in (local/ses-stub.ts), nothing else.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { getDocumentClient, getSesClient, requiredEnv } from '#store/clients';

export const handler = async (): Promise<{ statusCode: number; body: string }> => {
  const [item, sent] = await Promise.all([
    getDocumentClient().send(new GetCommand({ TableName: requiredEnv('TABLE_NAME'), Key: { PK: 'ROUNDS', SK: 'ROUND#floor' } })),
    getSesClient().send(
      new SendEmailCommand({
        FromEmailAddress: requiredEnv('MAIL_FROM'),
        Destination: { ToAddresses: ['floor@example.invalid'] },
        Content: { Simple: { Subject: { Data: 'floor' }, Body: { Text: { Data: 'floor' } } } },
      }),
    ),
  ]);
  return { statusCode: 200, body: JSON.stringify({ item: item.Item ?? null, messageId: sent.MessageId }) };
};

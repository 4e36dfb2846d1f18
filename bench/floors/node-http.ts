// Cold-start floor without any library: one request to the table's DynamoDB endpoint over
// Node's own http module, reading the round catalogue's first item. No SDK, no signing (DynamoDB
// Local checks the header's shape, not its signature), no framework: nothing that answers from
// storage can start faster on this machine, so it bounds what the cold-start ratio can reach.
import { request } from 'node:http';

export const handler = async (): Promise<{ statusCode: number; body: string }> => {
  const endpoint = new URL(process.env['AWS_ENDPOINT_URL_DYNAMODB'] ?? 'http://127.0.0.1:8000');
  const body = JSON.stringify({ TableName: process.env['TABLE_NAME'], Key: { PK: { S: 'ROUNDS' }, SK: { S: 'ROUND#floor' } } });
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(
      {
        host: endpoint.hostname,
        port: endpoint.port,
        method: 'POST',
        path: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.GetItem',
          authorization: `AWS4-HMAC-SHA256 Credential=floor/${day}/eu-north-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
        },
      },
      (res) => {
        let s = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (s += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(s) : reject(new Error(`DynamoDB answered ${res.statusCode}: ${s}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  return { statusCode: 200, body: text };
};

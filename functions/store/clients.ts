// The one place AWS SDK clients are made, once per process. Endpoints come from the SDK's
// own AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_S3 variables, so the local stack differs
// from AWS by configuration only.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';

let dynamoDb: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;
let ses: SESv2Client | undefined;

/** The low-level client, for libraries that marshal their own items (Powertools idempotency). */
export function getDynamoDbClient(): DynamoDBClient {
  dynamoDb ??= new DynamoDBClient({ maxAttempts: 4 });
  return dynamoDb;
}

export function getDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(getDynamoDbClient(), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function getS3Client(): S3Client {
  s3 ??= new S3Client({
    // Local S3 engines serve buckets by path, not by host name.
    forcePathStyle: process.env['S3_FORCE_PATH_STYLE'] === 'true',
    // Checksums only where S3 demands them: the payloads are small JSON documents and
    // the local engine does not speak the streaming-trailer checksum protocol.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}

export function getSesClient(): SESv2Client {
  ses ??= new SESv2Client({ maxAttempts: 3 });
  return ses;
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

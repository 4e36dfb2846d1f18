// The one writer of HTTP responses: JSON bodies and RFC 9457 problem documents.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Problem } from '#core/problems';

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

export function problem(p: Problem, instance?: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: p.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...SECURITY_HEADERS },
    body: JSON.stringify(p.toBody(instance)),
  };
}

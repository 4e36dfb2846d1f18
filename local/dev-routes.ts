// Local-only operations behind the `/dev/*` routes of the route table (area 'dev'). They exist
// only on the local server: the CDK app never deploys a route whose area is 'dev'.
import type { OperationResult } from '#http/area';
import type { DevAuth } from './dev-auth.ts';

export interface DevRequest {
  body: Buffer;
  url: URL;
  devAuth: DevAuth;
}

export type DevOperation = (req: DevRequest) => Promise<OperationResult>;

/** operationId → implementation. `devToken` is served by the server itself. */
export const devOperations: Record<string, DevOperation> = {};

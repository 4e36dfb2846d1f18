// What `@aws-sdk/credential-provider-node` becomes in the Lambda bundles (infra/bundling.ts
// aliases it here): the SDK's default chain reduced to its first link. On Lambda the runtime
// puts the role's credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
// AWS_SESSION_TOKEN) and nothing else is ever asked, yet the full chain bundles the SSO, INI,
// process, web-identity, container and instance-metadata providers: about 140 KB a function and
// 20 ms of every cold start (README, "Current figures"). Local tools and tests keep the SDK's
// own chain: only the Lambda build reads this file.
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The signature of the chain it replaces: the SDK calls it with the client's configuration. */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);

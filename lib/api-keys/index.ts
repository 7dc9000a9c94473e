// The API keys front door: issue, list, roll and revoke keys (members), resolve a bearer key (routes),
// and the operator CLI's system-path variants.
export {
  type ApiKeySummary,
  createApiKey,
  type IssuedApiKey,
  listApiKeys,
  listApiKeysPage,
  revokeApiKey,
  rollApiKey,
} from "./manage";
export { type OperatorKeyRow, operatorCreateKey, operatorListKeys, operatorRevokeKey } from "./operator";
export { type ApiKeyActor, bearerToken, type ResolvedApiKey, resolveApiKey } from "./resolve";

export {
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  readRetryAfter,
  RETRY_AFTER_CODES,
  RETRY_AFTER_HEADERS,
  type HeaderSource,
  type RetryAfter,
  type RetryAfterCode,
  type RetryAfterResultCode,
} from "./retry-after.js";

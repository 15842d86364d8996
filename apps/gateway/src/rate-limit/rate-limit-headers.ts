/** One quota a request was counted against, and where its window stands. */
export interface PolicyState {
  /** The policy name clients see: `reads`, `writes`, `uploads`, `upload-bytes`, `auth`. */
  name: string;
  quota: number;
  windowSeconds: number;
  /** `content-bytes` for byte budgets; requests otherwise. */
  unit?: 'content-bytes';
  remaining: number;
  resetSeconds: number;
}

/**
 * The IETF RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers-10),
 * structured-field lists with one item per policy, e.g.
 * `RateLimit-Policy: "reads";q=600;w=60` and `RateLimit: "reads";r=599;t=60`.
 */
export function rateLimitHeaders(policies: readonly PolicyState[]): { 'ratelimit-policy': string; ratelimit: string } {
  return {
    'ratelimit-policy': policies.map((p) => `"${p.name}";q=${p.quota};w=${p.windowSeconds}${p.unit ? `;qu="${p.unit}"` : ''}`).join(', '),
    ratelimit: policies.map((p) => `"${p.name}";r=${Math.max(0, p.remaining)};t=${p.resetSeconds}`).join(', '),
  };
}

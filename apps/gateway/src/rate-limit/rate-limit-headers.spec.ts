import { rateLimitHeaders } from './rate-limit-headers';

describe(rateLimitHeaders.name, () => {
  it('writes one structured-field item per policy, with the byte unit where it applies', () => {
    const sut = rateLimitHeaders([
      { name: 'uploads', quota: 100, windowSeconds: 3600, remaining: 99, resetSeconds: 3600 },
      { name: 'upload-bytes', quota: 1000, windowSeconds: 3600, unit: 'content-bytes', remaining: 0, resetSeconds: 12 },
    ]);
    expect(sut['ratelimit-policy']).toBe('"uploads";q=100;w=3600, "upload-bytes";q=1000;w=3600;qu="content-bytes"');
    expect(sut.ratelimit).toBe('"uploads";r=99;t=3600, "upload-bytes";r=0;t=12');
  });
});

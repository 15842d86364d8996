import type { BudgetsConfig } from '../config/env';
import { WebhookTargetGuard } from './webhook-target.guard';

const guardAllowing = (allowedNetworks: string[]) => new WebhookTargetGuard({ webhooks: { allowedNetworks } } as unknown as BudgetsConfig);

describe(WebhookTargetGuard.name, () => {
  const sut = guardAllowing([]);

  it.each([
    'http://127.0.0.1/hook',
    'http://localhost:8080/',
    'http://0.0.0.0/',
    'http://10.1.2.3/',
    'http://172.16.0.9/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://224.0.0.1/',
    'http://2130706433/',
    'http://0x7f000001/',
  ])('refuses %s (inside the platform network)', async (url) => {
    await expect(sut.resolve(url)).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'url' }] } });
  });

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'http://user:pass@93.184.216.34/', 'not a url'])('refuses %s (not a plain http(s) URL)', async (url) => {
    await expect(sut.resolve(url)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('accepts a public address and pins it', async () => {
    await expect(sut.resolve('https://93.184.216.34/hooks/budget')).resolves.toMatchObject({ address: '93.184.216.34', family: 4 });
  });

  it('lets an operator allow a range', async () => {
    const allowing = guardAllowing(['127.0.0.1/32', '::1']);
    await expect(allowing.resolve('http://127.0.0.1:9999/')).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(allowing.resolve('http://[::1]:9999/')).resolves.toMatchObject({ family: 6 });
    await expect(allowing.resolve('http://127.0.0.2/')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('stops the start on an allow-list entry that is not a network, naming the variable', () => {
    expect(() => guardAllowing(['10.0.0.0/99'])).toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
  });
});

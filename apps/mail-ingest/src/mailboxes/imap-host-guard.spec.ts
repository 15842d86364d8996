import { ForbiddenHostError, resolveImapHost } from './imap-host-guard';

describe('resolveImapHost', () => {
  it('refuses loopback, private, link-local and mapped addresses unless allowed', async () => {
    for (const host of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1', 'localhost']) {
      await expect(resolveImapHost(host, false)).rejects.toBeInstanceOf(ForbiddenHostError);
    }
    await expect(resolveImapHost('127.0.0.1', true)).resolves.toBe('127.0.0.1');
  });

  it('lets a public address through as it is', async () => {
    await expect(resolveImapHost('93.184.215.14', false)).resolves.toBe('93.184.215.14');
  });
});

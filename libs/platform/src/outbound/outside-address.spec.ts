import { isOutsideAddress, parseNetworks, resolveHost } from './outside-address';

describe('outside addresses (SSRF)', () => {
  it('lets public unicast addresses through, IPv4 and IPv6', () => {
    for (const address of ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']) expect(isOutsideAddress(address)).toBe(true);
  });

  it('refuses loopback, private, link-local, unique-local, CGNAT, multicast and mapped internal addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '224.0.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect(isOutsideAddress(address)).toBe(false);
    }
  });

  it('lets through what an operator allowed, and only that', () => {
    const allowed = parseNetworks(['10.0.0.0/8', '::1'], 'SETTING');
    expect(isOutsideAddress('10.9.8.7', allowed)).toBe(true);
    expect(isOutsideAddress('::1', allowed)).toBe(true);
    expect(isOutsideAddress('192.168.1.1', allowed)).toBe(false);
  });

  it('names the setting and the entry it cannot read', () => {
    expect(() => parseNetworks(['10.0.0.0/8', 'intranet'], 'WEBHOOK_ALLOWED_NETWORKS')).toThrow('WEBHOOK_ALLOWED_NETWORKS: "intranet" is not an IP address or CIDR range');
  });

  it('resolves a name to all its addresses and an IP literal to itself', async () => {
    expect(await resolveHost('[::1]')).toEqual([{ address: '::1', family: 6 }]);
    expect((await resolveHost('localhost')).map(({ address }) => address)).toEqual(expect.arrayContaining([expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]));
  });
});

// The address policy as pure functions over a table of address forms: nothing here opens a socket.
import { describe, expect, it } from 'vitest';
import { addressRefusal, hostRefusal, isLoopbackHost } from '../src/ingest/address-policy.js';

/** Every form a refused address takes in a URL host or a DNS answer, with what it is. */
const REFUSED: Array<[string, RegExp]> = [
  ['127.0.0.1', /loopback/],
  ['127.1', /loopback/],
  ['0177.0.0.1', /loopback/],
  ['0x7f.0.0.1', /loopback/],
  ['0x7f000001', /loopback/],
  ['2130706433', /loopback/],
  ['::1', /loopback/],
  ['[::1]', /loopback/],
  ['0:0:0:0:0:0:0:1', /loopback/],
  ['::ffff:127.0.0.1', /IPv4-mapped/],
  ['::ffff:7f00:1', /IPv4-mapped/],
  ['[::ffff:7f00:1]', /IPv4-mapped/],
  ['::ffff:169.254.169.254', /IPv4-mapped/],
  ['::ffff:a9fe:a9fe', /IPv4-mapped/],
  ['0:0:0:0:0:ffff:10.0.0.1', /IPv4-mapped/],
  ['::ffff:0:7f00:1', /IPv4-translated/],
  ['::127.0.0.1', /IPv4/],
  ['::7f00:1', /outside IPv6 global unicast/],
  ['64:ff9b::7f00:1', /NAT64/],
  ['64:ff9b::169.254.169.254', /NAT64/],
  ['64:ff9b:1::a9fe:a9fe', /NAT64/],
  ['2002:7f00:1::', /6to4/],
  ['2002:a9fe:a9fe::1', /6to4/],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /Teredo/],
  ['10.0.0.1', /private/],
  ['10.255.255.255', /private/],
  ['172.16.0.1', /private/],
  ['172.31.255.254', /private/],
  ['192.168.1.1', /private/],
  ['012.0.0.1', /private/],
  ['169.254.169.254', /link-local/],
  ['169.254.0.1', /link-local/],
  ['0xa9fea9fe', /link-local/],
  ['2852039166', /link-local/],
  ['fe80::1', /link-local/],
  ['fe80::1%eth0', /link-local/],
  ['[fe80::a9fe:a9fe%25en0]', /link-local/],
  ['fd00::1', /unique-local/],
  ['fc00::1', /unique-local/],
  ['fd00:ec2::254', /unique-local/],
  ['fec0::1', /site-local/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['0.0.0.0', /unspecified/],
  ['0', /unspecified/],
  ['::', /unspecified/],
  ['224.0.0.1', /multicast/],
  ['239.255.255.250', /multicast/],
  ['ff02::1', /multicast/],
  ['255.255.255.255', /broadcast/],
  ['240.0.0.1', /reserved/],
  ['192.0.2.1', /reserved/],
  ['198.18.0.1', /reserved/],
  ['2001:db8::1', /reserved/],
  ['100::1', /discard/],
];

const PUBLIC = ['8.8.8.8', '1.1.1.1', '93.184.215.14', '2606:4700:4700::1111', '[2a00:1450:4001:81c::200e]', '172.32.0.1', '100.128.0.1', '11.0.0.1'];

describe('address policy', () => {
  it.each(REFUSED)('refuses %s', (address, why) => {
    expect(addressRefusal(address)).toMatch(why);
    expect(hostRefusal(address)).toMatch(why);
  });

  it.each(PUBLIC)('allows the public address %s', (address) => {
    expect(addressRefusal(address)).toBeNull();
    expect(hostRefusal(address)).toBeNull();
  });

  it('refuses loopback names before any lookup, and leaves other names to the lookup', () => {
    expect(hostRefusal('localhost')).toMatch(/loopback name/);
    expect(hostRefusal('LOCALHOST.')).toMatch(/loopback name/);
    expect(hostRefusal('api.localhost')).toMatch(/loopback name/);
    expect(hostRefusal('example.org')).toBeNull();
    expect(hostRefusal('cafe.de')).toBeNull();
    expect(hostRefusal('localhost.example.org')).toBeNull();
    expect(addressRefusal('example.org')).toMatch(/not an IP address/);
  });

  it('knows a loopback Host or Origin from any other', () => {
    for (const host of ['127.0.0.1', '127.8.9.1', 'localhost', '[::1]', '::1', '[::ffff:127.0.0.1]', 'LocalHost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['attacker.example', 'localhost.attacker.example', '10.0.0.1', '0.0.0.0', '[::]', '192.168.1.10', '127.0.0.1.nip.io', '']) expect(isLoopbackHost(host), host).toBe(false);
  });
});

// The one address policy for every outbound request: which hosts and addresses may be reached.
// Pure functions over strings, so every form of an address can be tested without a request.
import ipaddr from 'ipaddr.js';

/** Why a host or address is refused, in words for the error message. */
export type Refusal = string;

/** IPv6 global unicast (2000::/3) is the only IPv6 space a public server lives in. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
/** IPv6 ranges that carry an IPv4 address, whose embedded address decides. */
const EMBEDS_IPV4 = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo']);

/**
 * Why an IP address (any form ipaddr.js reads: dotted, octal, hex, decimal, short; IPv6 with
 * brackets or a zone) may not be fetched, or null for a public unicast address. Loopback,
 * private, link-local, unique-local, multicast, unspecified, reserved and every IPv6 form that
 * embeds an IPv4 address (mapped, translated, NAT64, 6to4, Teredo, the old compatible form)
 * are refused.
 */
export function addressRefusal(address: string): Refusal | null {
  const literal = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(literal);
  } catch {
    return `${address} is not an IP address`;
  }
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    return range === 'unicast' ? null : `${address} is ${describe(range)} (${parsed.toString()})`;
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (EMBEDS_IPV4.has(range)) return `${address} is ${describe(range)}, an IPv6 form of an IPv4 address`;
  if (range !== 'unicast') return `${address} is ${describe(range)}`;
  if (!v6.match(GLOBAL_UNICAST_V6)) return `${address} is outside IPv6 global unicast space (2000::/3)`;
  return null;
}

/**
 * Why a URL's host may not be fetched before any lookup, or null when it may be looked up
 * (a name) or fetched (a public address). Names under `localhost` are loopback by definition.
 */
export function hostRefusal(hostname: string): Refusal | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return `${hostname} is a loopback name`;
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (isIpLiteral(literal)) return addressRefusal(literal);
  return null;
}

/** Whether a host is written as an address (any IPv4 or IPv6 form) rather than a name. */
export function isIpLiteral(host: string): boolean {
  const literal = host.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  return ipaddr.isValid(literal) && (literal.includes(':') || /^[0-9a-fx.]+$/i.test(literal));
}

/** Whether a Host or Origin names this machine's loopback interface: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (!isIpLiteral(literal)) return false;
  const parsed = ipaddr.process(literal.replace(/%.*$/, ''));
  return parsed.range() === 'loopback';
}

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  reserved: 'a reserved address',
  uniqueLocal: 'a unique-local address',
  ipv4Mapped: 'an IPv4-mapped address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'a NAT64 address',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
  deprecatedSiteLocal: 'a site-local address',
  discard: 'a discard-only address',
};

const describe = (range: string) => RANGE_WORDS[range] ?? `a special-purpose address (${range})`;

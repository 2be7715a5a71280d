// The two steps of an outbound connection that touch the network: looking a name up and
// opening the socket. Kept in one small module so tests can put a loopback-only stand-in here
// and know that nothing they do leaves the machine.
import { lookup } from 'node:dns/promises';
import { buildConnector } from 'undici';

/** Every address a name resolves to. */
export type Resolver = (hostname: string) => Promise<string[]>;
/** Opens a TCP (or TLS) connection to `options.hostname`, which is always an IP address here. */
export type Dialer = buildConnector.connector;

export const resolveHost: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export const dialAddress: Dialer = buildConnector({});

import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Which peers may speak for the client through X-Forwarded-* headers: a
 * reverse proxy on this machine (`loopback`), one on the private network or
 * a container bridge (`private`), or a list of addresses and CIDR ranges.
 * Anyone else's X-Forwarded-For is ignored: on a hostile LAN it would let a
 * phone pick the address the sign-in limiter counts.
 */
export type TrustProxy = (peer: string) => boolean;

const LOOPBACK: [string, number, 'ipv4' | 'ipv6'][] = [
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
];
const PRIVATE: [string, number, 'ipv4' | 'ipv6'][] = [...LOOPBACK, ['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['fc00::', 7, 'ipv6']];

/** Parses LIFTMAP_TRUST_PROXY; throws naming the entry that is not an address, a range, `loopback` or `private`. */
export function parseTrustProxy(setting: string | undefined): TrustProxy | null {
  if (!setting) return null;
  const list = new BlockList();
  for (const entry of setting.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (entry === 'loopback' || entry === 'private') for (const [net, bits, kind] of entry === 'loopback' ? LOOPBACK : PRIVATE) list.addSubnet(net, bits, kind);
    else {
      const [address, bits] = entry.split('/');
      const kind = isIP(address ?? '');
      if (!kind || (bits !== undefined && !/^\d{1,3}$/.test(bits))) throw new Error(`LIFTMAP_TRUST_PROXY: expected loopback, private, an address or a range such as 10.0.0.0/8, got ${JSON.stringify(entry)}`);
      if (bits === undefined) list.addAddress(address!, kind === 4 ? 'ipv4' : 'ipv6');
      else list.addSubnet(address!, Number(bits), kind === 4 ? 'ipv4' : 'ipv6');
    }
  }
  return (peer) => {
    const address = peer.startsWith('::ffff:') ? peer.slice(7) : peer;
    const kind = isIP(address);
    return kind !== 0 && list.check(address, kind === 4 ? 'ipv4' : 'ipv6');
  };
}

export interface RequestOrigin {
  /** The client's address: the socket's, or the last untrusted hop a trusted proxy names. */
  address: string;
  /** The host the browser asked for. */
  host: string | undefined;
  /** Whether the browser reached us over HTTPS (ours, or a trusted proxy's). */
  https: boolean;
}

const firstValue = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h)?.split(',')[0]?.trim();

/** Who is asking and how, believing forwarded headers only from a trusted proxy. */
export function requestOrigin(req: IncomingMessage, trust: TrustProxy | null, tls: boolean): RequestOrigin {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (!trust || !trust(peer)) return { address: peer, host: req.headers.host, https: tls };
  // X-Forwarded-For lists every hop; the client is the right-most one no trusted proxy added.
  const hops = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let address = peer;
  while (hops.length && trust(address)) address = hops.pop()!;
  return { address, host: firstValue(req.headers['x-forwarded-host']) ?? req.headers.host, https: tls || firstValue(req.headers['x-forwarded-proto']) === 'https' };
}

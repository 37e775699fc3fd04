import { hostname, networkInterfaces } from 'node:os';

/**
 * The names and addresses phones on the LAN may use for this machine:
 * localhost, its host name (and name.local, as phones resolve it by mDNS),
 * and every address of its network interfaces, plus any the operator adds
 * (a name in the committee's router, a public address).
 */
export function lanNames(extra: string[] = [], interfaces = networkInterfaces(), host = hostname()): string[] {
  const addresses = Object.values(interfaces)
    .flat()
    .filter((a) => a !== undefined && !a.address.startsWith('fe80:'))
    .map((a) => a!.address);
  const names = ['localhost', host, host.includes('.') ? null : `${host}.local`, ...extra, '127.0.0.1', '::1', ...addresses];
  return [...new Set(names.filter((n): n is string => !!n && n.length <= 253))];
}

import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../server/routers/_app.ts';
import { addUser } from '../../server/auth/manage-users.ts';
import type { Db } from '../../server/db/open-database.ts';
import type { Role } from '../../server/db/schema.ts';

export type Client = ReturnType<typeof createTRPCClient<AppRouter>>;

/** A tRPC client over HTTP carrying a session cookie, as a browser would. */
export function clientWithCookie(url: string, cookie: () => string): Client {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/trpc`, headers: () => ({ cookie: cookie() }) })] });
}

/** Signs in through auth.login and returns a client holding the session. */
export async function signIn(url: string, username: string, password: string): Promise<Client> {
  let cookie = '';
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        headers: () => ({ cookie }),
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          const set = res.headers.get('set-cookie');
          if (set) cookie = set.split(';')[0]!;
          return res;
        },
      }),
    ],
  });
  await client.auth.login.mutate({ username, password });
  return client;
}

/** A session cookie ("name=value") for plain HTTP requests, signed in through auth.login. */
export async function sessionCookieFor(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A new user of `role` on the test server, signed in over HTTP. */
export async function signInAs(url: string, db: Db, role: Role, username = `${role}-${Math.random().toString(36).slice(2, 8)}`): Promise<Client> {
  return await signIn(url, username, await addUser(db, username, role));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** A stairwell's public page shared in a family chat: its title and preview are in the HTML, with the public address. */
describe('the public stairwell page’s share preview (Open Graph)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ site: { publicUrl: 'https://jiati.example.org', localCa: null } });
  });
  afterAll(() => server.close());

  it('names the estate, the door and the step, links to LIFTMAP_PUBLIC_URL, and holds no name', async () => {
    const [s] = await server.sql<{ id: number; door: string }>("SELECT id, door_number AS door FROM stairwells WHERE stage = 'canvassing' ORDER BY id LIMIT 1");
    const res = await fetch(`${server.url}/stairwell/${s!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain(`<title>风荷苑 ${s!.door} 加装电梯进展</title>`);
    expect(html).toContain(`<meta property="og:title" content="风荷苑 ${s!.door} 加装电梯进展">`);
    expect(html).toMatch(/<meta property="og:description" content="当前阶段：[^"]+位业主签字同意/);
    expect(html).toContain(`<meta property="og:url" content="https://jiati.example.org/stairwell/${s!.id}">`);
    // The app still runs on it.
    expect(html).toMatch(/<script type="module"[^>]+src="\/assets\//);
    const names = (await server.sql<{ name: string }>('SELECT v.name FROM voters v JOIN flats f ON f.voter_id = v.id WHERE f.stairwell_id = ? AND v.name IS NOT NULL', s!.id)).map((r) => r.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => html.includes(n))).toEqual([]);
    // The page's own share line uses the same address.
    const api = (await (await fetch(`${server.url}/trpc/stages.publicStairwell?input=${encodeURIComponent(JSON.stringify({ stairwellId: s!.id }))}`)).json()) as { result: { data: { shareUrl: string } } };
    expect(api.result.data.shareUrl).toBe(`https://jiati.example.org/stairwell/${s!.id}`);
  });

  it('answers an unknown stairwell with the app’s own page, without a preview', async () => {
    const html = await (await fetch(`${server.url}/stairwell/999999`)).text();
    expect(html).toContain('<title>加梯作战图 LiftMap</title>');
    expect(html).not.toContain('og:title');
  });
});

// `node bench/health-prober.mjs URL [EVERY_MS]`: asks URL/healthz one after another, every EVERY_MS,
// from a process of its own (the benchmark's own event loop, busy with hundreds of phones and walls,
// would otherwise be measured too). On SIGTERM it prints {"times":[ms…],"failed":n} and exits.
const [url, every = '100'] = process.argv.slice(2);
const times = [];
let failed = 0;
let running = true;
process.on('SIGTERM', () => (running = false));
while (running) {
  const start = performance.now();
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(30_000) });
    await res.text();
    if (res.ok) times.push(performance.now() - start);
    else failed += 1;
  } catch {
    failed += 1;
  }
  await new Promise((resolve) => setTimeout(resolve, Number(every)));
}
process.stdout.write(JSON.stringify({ times, failed }));

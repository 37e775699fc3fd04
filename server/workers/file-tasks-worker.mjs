// A worker thread's entry (server/workers/worker-pool.ts), in plain JavaScript so that it
// starts the same way under tsx, under vitest and in a built server: from the sources it
// registers tsx's loader itself (a worker given `--import tsx` fails to load some packages
// on Node 20), from a build it takes the compiled tasks beside it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('./file-tasks.ts', import.meta.url);
let tasks;
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  tasks = await import(source.href);
} else tasks = await import(new URL('./file-tasks.js', import.meta.url).href);

/** One task of file-tasks.ts by its name. */
export default function run({ name, input }) {
  return tasks[name](input);
}

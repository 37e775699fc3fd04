import { Piscina } from 'piscina';
import { Refusal, refuse } from '../refusal.ts';
import type * as Tasks from './file-tasks.ts';

/**
 * Heavy work on what people upload runs here, off the event loop, in two
 * lanes of worker threads, each thread with its own heap limit, each task
 * with a time limit, a short queue behind them:
 * - `files` (registers, 包干 tables, outline and estate files, site plans):
 *   two threads at a lower CPU priority (nice +10), so that while a file
 *   takes seconds the main thread still answers everyone at once;
 * - `evidence` (a vote's signature and photo, small and quick): a thread of
 *   its own, so a canvasser's signature never waits behind someone's file.
 */
export const WORKER_LIMITS = {
  files: { threads: 2, queue: 16, heapMb: 768, nice: 10 },
  evidence: { threads: 1, queue: 32, heapMb: 256, nice: 0 },
};
type Lane = keyof typeof WORKER_LIMITS;

/** A smaller machine (or a test) gives the file threads less heap; the threads start again with it. */
export async function configureWorkers(opts: { filesHeapMb: number }): Promise<void> {
  WORKER_LIMITS.files.heapMb = opts.filesHeapMb;
  await closeWorkers();
}

/** The tasks: every function of file-tasks.ts. */
type TaskName = { [K in keyof typeof Tasks]: (typeof Tasks)[K] extends (input: never) => Promise<Tasks.TaskOutcome<unknown>> ? K : never }[keyof typeof Tasks];
type TaskInput<K extends TaskName> = Parameters<(typeof Tasks)[K]>[0];
type TaskValue<K extends TaskName> = Awaited<ReturnType<(typeof Tasks)[K]>> extends Tasks.TaskOutcome<infer T> ? T : never;

const laneOf = (task: TaskName): Lane => (task === 'checkEvidence' ? 'evidence' : 'files');

const pools = new Map<Lane, Piscina>();
/** Tasks running or waiting per lane: counted here, as piscina does not hold a task with a time limit to its maxQueue. */
const inFlight = new Map<Lane, number>();

function poolOf(lane: Lane): Piscina {
  const existing = pools.get(lane);
  if (existing) return existing;
  const limits = WORKER_LIMITS[lane];
  const pool = new Piscina({
    // Plain JavaScript that loads file-tasks.ts (or its build) itself.
    filename: new URL('./file-tasks-worker.mjs', import.meta.url).href,
    // Not the parent's flags: a worker started with tsx's --import fails to load some packages on Node 20.
    execArgv: [],
    minThreads: 0,
    maxThreads: limits.threads,
    idleTimeout: 60_000,
    niceIncrement: limits.nice,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
  });
  pools.set(lane, pool);
  return pool;
}

/** What the task was doing, for the refusal: the file's name and the field it came in. */
export interface TaskLimits {
  /** The file (or estate) the task reads, named in a refusal. */
  file: string;
  /** Seconds the task may run, its wait for a thread included. */
  seconds: number;
  field?: string;
}

/**
 * Runs a task of file-tasks.ts in a worker thread of its lane and answers
 * its value; its refusal is thrown again here. A task past its time or its
 * lane's heap limit is stopped (its thread ends, another starts) and
 * refused naming the file and the limit; a full queue is refused as busy.
 */
export async function inWorker<K extends TaskName>(name: K, input: TaskInput<K>, limits: TaskLimits): Promise<TaskValue<K>> {
  const lane = laneOf(name);
  const pool = poolOf(lane);
  const running = inFlight.get(lane) ?? 0;
  if (running >= WORKER_LIMITS[lane].threads + WORKER_LIMITS[lane].queue) throw refuse.tooMany('服务器正在处理其他文件，请稍后再试', 'the server is busy reading other files; try again in a moment');
  inFlight.set(lane, running + 1);
  let result: Tasks.TaskOutcome<TaskValue<K>>;
  try {
    result = (await pool.run({ name, input }, { signal: AbortSignal.timeout(limits.seconds * 1000) })) as Tasks.TaskOutcome<TaskValue<K>>;
  } catch (e) {
    throw limitRefusal(e, limits, WORKER_LIMITS[lane].heapMb) ?? e;
  } finally {
    inFlight.set(lane, (inFlight.get(lane) ?? 1) - 1);
  }
  if ('refused' in result) throw new Refusal(result.refused.kind, result.refused.zh, result.refused.en, result.refused.field);
  return result.value;
}

function limitRefusal(e: unknown, { file, seconds, field }: TaskLimits, heapMb: number): Refusal | null {
  const error = e as { name?: string; code?: string };
  if (error.name === 'AbortError' || error.name === 'TimeoutError')
    return new Refusal('too_large', `处理 ${file} 超过 ${seconds} 秒，已停止：文件过大或过于复杂，未写入任何内容`, `reading ${file} took more than ${seconds} s and was stopped: the file is too large or too complex; nothing was written`, field);
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new Refusal('too_large', `读取 ${file} 需要超过 ${heapMb} MB 内存，已停止，未写入任何内容`, `reading ${file} needed more than ${heapMb} MB of memory and was stopped; nothing was written`, field);
  return null;
}

/** Stops the worker threads (a CLI at its end, a server stopping); the next task starts them again. */
export async function closeWorkers(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}

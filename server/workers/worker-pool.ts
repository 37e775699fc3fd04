import { Piscina } from 'piscina';
import { Refusal, refuse } from '../commands/refusal.ts';
import type * as Tasks from './file-tasks.ts';

/**
 * Heavy work on files people upload runs here, off the event loop: at most
 * two tasks at a time (each in a worker thread with its own heap limit),
 * a short queue behind them, and a time limit per task. While one runs,
 * the main thread keeps answering everyone else.
 */
export const WORKER_LIMITS = {
  threads: 2,
  /** Tasks waiting for a thread; more are refused as busy. */
  queue: 16,
  /** A worker's JavaScript heap: past it the worker is stopped and the file refused. */
  heapMb: 768,
} as const;

/** The tasks: every function of file-tasks.ts. */
type TaskName = { [K in keyof typeof Tasks]: (typeof Tasks)[K] extends (input: never) => Promise<Tasks.TaskOutcome<unknown>> ? K : never }[keyof typeof Tasks];
type TaskInput<K extends TaskName> = Parameters<(typeof Tasks)[K]>[0];
type TaskValue<K extends TaskName> = Awaited<ReturnType<(typeof Tasks)[K]>> extends Tasks.TaskOutcome<infer T> ? T : never;

let pool: Piscina | null = null;
/** Tasks running or waiting now: counted here, as piscina does not hold a task with a time limit to its maxQueue. */
let inFlight = 0;

function thePool(): Piscina {
  if (pool) return pool;
  pool = new Piscina({
    // Plain JavaScript that loads file-tasks.ts (or its build) itself.
    filename: new URL('./file-tasks-worker.mjs', import.meta.url).href,
    // Not the parent's flags: a worker started with tsx's --import fails to load some packages on Node 20.
    execArgv: [],
    minThreads: 0,
    maxThreads: WORKER_LIMITS.threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
  });
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
 * Runs a task of file-tasks.ts in a worker thread and answers its value;
 * its refusal is thrown again here. A task past its time or the heap
 * limit is stopped (its thread ends, another starts) and refused naming
 * the file and the limit; a full queue is refused as busy.
 */
export async function inWorker<K extends TaskName>(name: K, input: TaskInput<K>, limits: TaskLimits): Promise<TaskValue<K>> {
  const p = thePool();
  if (inFlight >= WORKER_LIMITS.threads + WORKER_LIMITS.queue) throw refuse.tooMany('服务器正在处理其他文件，请稍后再试', 'the server is busy reading other files; try again in a moment');
  inFlight += 1;
  let result: Tasks.TaskOutcome<TaskValue<K>>;
  try {
    result = (await p.run({ name, input }, { signal: AbortSignal.timeout(limits.seconds * 1000) })) as Tasks.TaskOutcome<TaskValue<K>>;
  } catch (e) {
    throw limitRefusal(e, limits) ?? e;
  } finally {
    inFlight -= 1;
  }
  if ('refused' in result) throw new Refusal(result.refused.kind, result.refused.zh, result.refused.en, result.refused.field);
  return result.value;
}

function limitRefusal(e: unknown, { file, seconds, field }: TaskLimits): Refusal | null {
  const error = e as { name?: string; code?: string; message?: string };
  if (error.name === 'AbortError' || error.name === 'TimeoutError')
    return new Refusal('too_large', `处理 ${file} 超过 ${seconds} 秒，已停止：文件过大或过于复杂，未写入任何内容`, `reading ${file} took more than ${seconds} s and was stopped: the file is too large or too complex; nothing was written`, field);
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new Refusal('too_large', `读取 ${file} 需要超过 ${WORKER_LIMITS.heapMb} MB 内存，已停止，未写入任何内容`, `reading ${file} needed more than ${WORKER_LIMITS.heapMb} MB of memory and was stopped; nothing was written`, field);
  return null;
}

/** Stops the worker threads (a CLI at its end, a server stopping); the next task starts them again. */
export async function closeWorkers(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/**
 * A task's clock, shared between the scheduler (main thread) and the worker running the task
 * (a Float64Array over a SharedArrayBuffer, Date.now() milliseconds): the scheduler counts an
 * article's time limit from when its worker starts it, less the time spent loading the pipeline for it,
 * and finds there which worker to stop (pool.ts).
 */
export const CLOCK_STARTED = 0;
/** When the load in progress began, 0 when none. */
export const CLOCK_LOAD_STARTED = 1;
/** Milliseconds of loading done for this task. */
export const CLOCK_LOADED_MS = 2;
/** 1 when the task is its worker's first. */
export const CLOCK_FIRST = 3;
/** The threadId of the worker that started the task (written before CLOCK_STARTED): the one to stop when it runs too long. */
export const CLOCK_THREAD = 4;
/** 1 when the scheduler gave the task up before it started (interrupted): the worker skips it. */
export const CLOCK_CANCELLED = 5;
/** How many articles the task's batch held (written before CLOCK_STARTED): past 1, a timeout or a crash is the batch's, not yet the article's. */
export const CLOCK_BATCH = 6;
export const CLOCK_BYTES = 7 * Float64Array.BYTES_PER_ELEMENT;

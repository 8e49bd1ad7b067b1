/**
 * A task's clock, shared between the scheduler (main thread) and the worker running the task
 * (a Float64Array over a SharedArrayBuffer, Date.now() milliseconds): the scheduler counts an
 * article's time limit from when its worker starts it, less the time spent loading the pipeline for it.
 */
export const CLOCK_STARTED = 0;
/** When the load in progress began, 0 when none. */
export const CLOCK_LOAD_STARTED = 1;
/** Milliseconds of loading done for this task. */
export const CLOCK_LOADED_MS = 2;
/** 1 when the task is its worker's first. */
export const CLOCK_FIRST = 3;
export const CLOCK_BYTES = 4 * Float64Array.BYTES_PER_ELEMENT;

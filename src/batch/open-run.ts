import { KijiError } from '../core/errors.js';
import { acquireRunLock } from '../store/lock.js';
import { reserveSpace } from '../store/reserve.js';
import { type KijiStore, openStore, type RunInfo } from '../store/store.js';

/** A run that holds the database: its lock, the space kept for its last write, the store and the run's row. */
export interface OpenRun {
  store: KijiStore;
  runId: number;
  /** Gives back the reserved space (for the last write, also on a full disk); safe to call more than once. */
  releaseSpace(): void;
  /** Closes the store and releases the space and the lock. */
  close(): void;
}

/** Takes the lock, reserves space, opens the store and begins the run; on failure nothing is left held. */
export function openRun(dbPath: string, run: RunInfo): OpenRun {
  const lock = acquireRunLock(dbPath);
  const reserve = reserveSpace(dbPath);
  let store: KijiStore;
  let runId: number;
  try {
    store = openStore(dbPath);
    try {
      runId = store.beginRun(run);
    } catch (error) {
      store.close();
      throw error;
    }
  } catch (error) {
    reserve.release();
    lock.release();
    throw error instanceof KijiError ? error : new KijiError('E_DB', `cannot start the run in ${dbPath}: ${(error as Error).message}`, {}, { cause: error });
  }
  return {
    store,
    runId,
    releaseSpace: () => reserve.release(),
    close: () => {
      store.close();
      reserve.release();
      lock.release();
    },
  };
}

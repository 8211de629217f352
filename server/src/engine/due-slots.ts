// The loop of every slot scheduler: fire each due row in turn, where firing claims the slot and
// may lose it to another node (false). One row that throws is logged and must not stop the rest.

/** Fires every row; returns how many this node fired. */
export async function fireDueSlots<T>(rows: readonly T[], fire: (row: T) => Promise<boolean>, failed: (error: unknown, row: T) => void): Promise<number> {
  let fired = 0;
  for (const row of rows) {
    try {
      if (await fire(row)) fired++;
    } catch (error) {
      failed(error, row);
    }
  }
  return fired;
}

// The record the linux driver keeps of each machine on the host.
import type { MachineSpec } from '../compute-driver.js';

/** What the driver remembers of a machine: how it was made, and whether it should be running. */
export interface MachineState {
  spec: MachineSpec;
  power: 'on' | 'off';
}

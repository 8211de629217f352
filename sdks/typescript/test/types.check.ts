// Compile-time tests, run by `npm run typecheck`: a mistake here fails the type check, not a test.
import type { Action, CloudNexus, ErrorEnvelope, Instance, InstanceActionAccepted, Page } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

declare const client: CloudNexus;
declare const wait: boolean;

// `wait` decides what an asynchronous operation returns.
expectType<Equal<Awaited<ReturnType<typeof client.instances.restart<{ wait: true }>>>, Action>>();
const accepted = () => client.instances.stop('inst_1');
expectType<Equal<Awaited<ReturnType<typeof accepted>>, InstanceActionAccepted>>();
const unknownWait = () => client.instances.resize('inst_1', { plan: 'micro' }, { wait });
expectType<Equal<Awaited<ReturnType<typeof unknownWait>>, Action | InstanceActionAccepted>>();
const created = () => client.instances.create({ name: 'a', region: 'r', plan: 'p', image: 'i' }, { wait: true });
expectType<Equal<Awaited<ReturnType<typeof created>>, Instance>>();

// Awaiting a list gives a page; iterating it gives items.
const page = () => client.instances.list({ status: 'running' });
expectType<Equal<Awaited<ReturnType<typeof page>>, Page<Instance>>>();
export async function items() {
  for await (const instance of client.instances.list()) expectType<Equal<typeof instance, Instance>>();
}

// The shapes the brief pins down, as generated from spec/openapi.json.
expectType<Equal<Instance['status'], 'provisioning' | 'running' | 'stopped' | 'rebooting' | 'resizing' | 'rebuilding' | 'deleting'>>();
expectType<Equal<Instance['labels'], Record<string, string>>>();
expectType<Equal<Action['status'], 'in-progress' | 'completed' | 'errored'>>();
expectType<Equal<keyof Action, 'id' | 'type' | 'status' | 'resource_id' | 'resource_type' | 'started_at' | 'completed_at' | 'error'>>();
expectType<Equal<ErrorEnvelope['error']['details'], { field: string; message: string }[]>>();

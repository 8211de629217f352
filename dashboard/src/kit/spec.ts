// What a resource's pages are made of, as data: the generic list, detail, form and action pages
// (list-page.ts, detail-page.ts) build every resource from one of these.
import type { Field } from './fields.js';
import type { ChoiceSource } from './options.js';

export type Row = Record<string, unknown> & { id: string; status?: string };

export interface Column {
  label: string;
  cell: (row: Row) => Node | string;
}

/** A list filter: a query parameter of the list endpoint. */
export interface Filter {
  name: string;
  label: string;
  choices?: ChoiceSource;
}

export interface ActionSpec {
  label: string;
  method: 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** The path under the resource's own URL (`/restart`), '' for the resource itself. */
  path: string;
  /** Another /v2 path instead (a snapshot's restore creates a volume). */
  url?: string;
  /** Body properties the action always sends (the snapshot a restore is from). */
  fixedBody?: (row: Row) => Record<string, unknown>;
  /** Asked in a form first (resize's plan, attach's instance…); a function to start from the resource's values. */
  fields?: readonly Field[] | ((row: Row) => readonly Field[]);
  /** Turns the form's values into the body (an edit sends only what changed); the values as they are by default. */
  body?: (row: Row, values: Record<string, unknown>) => Record<string, unknown>;
  /** Destructive: this question is asked, and must be confirmed, first. */
  confirm?: (row: Row) => string;
  /** Offered only when this holds (attach when detached…). */
  when?: (row: Row) => boolean;
  /** The resource is gone once the action completes (delete). */
  removes?: boolean;
  /** The action answers with a new resource of this route (a snapshot): link to it. */
  creates?: string;
  /** Where the answer names the new resource, when it is not its `id` (an instance snapshot's `image_id`). */
  createdId?: (answer: Row) => string;
  /** Shows the answer once (a new password, a webhook test's delivery). */
  showsResult?: boolean;
}

export interface ResourceSpec {
  /** `#/<route>` and `#/<route>/<id>`. */
  route: string;
  /** The collection under /v2. */
  path: string;
  title: string;
  singular: string;
  columns: readonly Column[];
  filters?: readonly Filter[];
  /** The create form; the server validates it. */
  create?: readonly Field[];
  /** Shows the create answer once (a webhook's signing secret). */
  createShowsResult?: boolean;
  actions?: readonly ActionSpec[];
  /** Statuses the resource leaves on its own (provisioning…): the pages poll until it does. */
  transitional?: readonly string[];
  /** Extra sections of the detail page (metrics charts), built once per visit. */
  sections?: (row: Row, alive: () => boolean) => HTMLElement[];
}

/** The shared "delete after a confirmation" action: every resource has one. */
export function deleteAction(singular: string): ActionSpec {
  return {
    label: 'Delete',
    method: 'DELETE',
    path: '',
    confirm: (row) => `Delete ${singular} ${String(row.name ?? row.id)}? This cannot be undone.`,
    removes: true,
  };
}

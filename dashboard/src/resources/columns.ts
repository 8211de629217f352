// Cells the resource specs share: plain values, the status as a text badge, a linked id.
import { badge, time } from '../dom.js';
import { idLink } from '../kit/properties.js';
import type { Column, Row } from '../kit/spec.js';

export const text = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value));

export const column = (label: string, name: string): Column => ({ label, cell: (r: Row) => text(r[name]) });

export const statusColumn: Column = { label: 'Status', cell: (r) => badge(text(r.status)) };

export const linkColumn = (label: string, name: string): Column => ({ label, cell: (r) => (typeof r[name] === 'string' ? idLink(r[name] as string) : '—') });

/** Labels are the same `{key: value}` JSON on every resource that has them. */
export const LABELS_FIELD = { name: 'labels', label: 'Labels (JSON object)', kind: 'json', hint: 'e.g. {"env": "prod"}' } as const;

export const timeColumn = (label: string, name: string): Column => ({ label, cell: (r) => time(typeof r[name] === 'string' ? (r[name] as string) : null) });

// The body the flags add up to: flags never given are left out, flags given are sent as given,
// an explicit empty JSON value included (`--inbound-rules '[]'` is a firewall with no inbound rules).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { fieldOptions, type Field, valuesOf } from '../src/commands/fields.js';

const FIELDS: Field[] = [
  { flags: '--rules <json>', field: 'rules', description: 'rules', kind: 'json' },
  { flags: '--volume-id <id>', field: 'volume_ids', description: 'volumes', kind: 'list' },
  { flags: '--label <key=value>', field: 'labels', description: 'label', kind: 'labels' },
  { flags: '--remove-label <key>', field: 'labels', description: 'removal', kind: 'label-removals' },
  { flags: '--delete-protection <bool>', field: 'protection.delete', description: 'flag', kind: 'boolean' },
];

function bodyOf(argv: string[]): Record<string, unknown> {
  const command = new Command('x').exitOverride();
  for (const option of fieldOptions(FIELDS)) command.addOption(option);
  command.parse(argv, { from: 'user' });
  return valuesOf(FIELDS, command.opts());
}

test('flags never given are left out, repeatable ones too', () => {
  assert.deepEqual(bodyOf([]), {});
});

test('an explicit empty JSON array or object is sent', () => {
  assert.deepEqual(bodyOf(['--rules', '[]']), { rules: [] });
  assert.deepEqual(bodyOf(['--rules', '{}']), { rules: {} });
});

test('repeated flags collect, label sets and removals merge, dotted fields nest', () => {
  assert.deepEqual(bodyOf(['--volume-id', 'a', '--volume-id', 'b', '--label', 'k=v', '--remove-label', 'old', '--delete-protection', 'true']), {
    volume_ids: ['a', 'b'],
    labels: { k: 'v', old: null },
    protection: { delete: true },
  });
});

// Renders src/generated/models.rs: a serde struct or enum for every entry of
// components.schemas, and for every object or string-constant union nested inside one.
//
// The spec is TypeBox output, so the shapes are few: objects, `anyOf` of string constants (an
// enum), `anyOf [T, null]` (nullable), arrays, string maps (`patternProperties`) and `$ref`s.
// Anything else is refused, so a new shape shows up as a generator error, not as a wrong type.

// Nested types get `<Parent><Field>` names; these keep the names the SDK's public API had when
// its types were hand-written (JSON pointer inside components.schemas -> Rust name).
const NAMES = {
  'Account.quotas': 'Quotas',
  'Account.quotas.instances': 'Quota',
  'CreateDatabase.backups': 'BackupSettings',
  'CreateDatabase.engine': 'DatabaseEngineId',
  'CreateDatabase.protection': 'DatabaseProtection',
  'CreateDatabase.restore_from': 'RestoreFrom',
  'CreateFirewall.apply_to': 'FirewallApplyTo',
  'CreateLoadBalancer.algorithm': 'LoadBalancerAlgorithm',
  'CreateLoadBalancer.health_check.protocol': 'HealthCheckProtocol',
  'CreateLoadBalancer.targets': 'LoadBalancerTargets',
  'CreateNetwork.environment': 'NetworkEnvironment',
  'CreateVolume.filesystem': 'VolumeFilesystem',
  'CreatedWebhook.status': 'WebhookStatus',
  'Error.error': 'ErrorBody',
  'Error.error.reason': 'ErrorReason',
  'FirewallInboundRule.protocol': 'FirewallProtocol',
  'FirewallInboundRule.sources': 'FirewallPeers',
  'ForwardingRule.entry_protocol': 'ForwardingProtocol',
  'Database.backups': 'DatabaseBackupSettings',
  'DatabaseMetrics.type': 'DatabaseMetricType',
  'DatabaseMetrics.series[]': 'MetricSeries',
  'DatabaseMetrics.series[].points[]': 'MetricPoint',
  'InstanceMetrics.type': 'MetricType',
  'ContainerMetrics.type': 'MetricType',
  'ContainerMetrics.series[]': 'MetricSeries',
  'ContainerMetrics.series[].points[]': 'MetricPoint',
  'Event.actor': 'Actor',
  'Event.actor.type': 'ActorType',
  'RotateApiKey.grace_period': 'GracePeriod',
};
// Schema names that would clash with the crate's own items.
const RENAMED_SCHEMAS = { Error: 'ErrorEnvelope' };
// Constants that are not identifiers, spelled as the hand-written enums spelled them.
const VARIANTS = { '1h': 'OneHour', '24h': 'OneDay', '7d': 'SevenDays' };
const KEYWORDS = new Set(['type', 'ref', 'match', 'move', 'static', 'struct', 'enum', 'use', 'loop']);

const pascal = (s) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const field = (name) => (KEYWORDS.has(name) ? `r#${name}` : name);
const isNull = (s) => s.type === 'null';
const isEnum = (s) => Array.isArray(s.anyOf) && s.anyOf.every((v) => typeof v.const === 'string');
const nullableInner = (s) => {
  if (!Array.isArray(s.anyOf) || s.anyOf.length !== 2 || !s.anyOf.some(isNull)) return undefined;
  return s.anyOf.find((v) => !isNull(v));
};
// Only the shape decides identity: the same enum or object nested in two places is one type.
const shapeKey = (s) => JSON.stringify(s, (k, v) => (['description', 'examples'].includes(k) ? undefined : v));

function doc(text, indent) {
  return text.split('\n').map((line) => `${indent}///${line ? ` ${line}` : ''}`);
}

export function renderModels(spec) {
  const schemas = spec.components.schemas;
  const items = []; // rendered type definitions, in order of first use
  const byShape = new Map(); // shapeKey -> Rust name
  const taken = new Map(); // Rust name -> shapeKey
  const defaultable = new Map(); // Rust name -> can derive Default
  const patchBodies = new Set(
    Object.values(spec.paths).flatMap((item) => {
      const ref = item.patch?.requestBody?.content?.['application/json']?.schema?.$ref;
      return ref ? [refName(ref)] : [];
    }),
  );
  function refName(ref) {
    const name = ref.replace('#/components/schemas/', '');
    return RENAMED_SCHEMAS[name] ?? name;
  }

  function claim(name, schema, where) {
    const key = shapeKey(schema);
    if (taken.has(name) && taken.get(name) !== key) throw new Error(`${where}: ${name} names two different shapes`);
    taken.set(name, key);
    byShape.set(key, name);
  }

  // The Rust type of `schema` found at `where` (used for names and errors).
  function typeOf(schema, where, defaultName) {
    // `{}` (TypeBox's Unknown) accepts any JSON value.
    if (Object.keys(schema).filter((k) => !['description', 'examples'].includes(k)).length === 0) return 'serde_json::Value';
    if (schema.$ref) return refName(schema.$ref);
    const inner = nullableInner(schema);
    if (inner) return `Option<${typeOf(inner, where, defaultName)}>`;
    if (isEnum(schema) || schema.type === 'object' && schema.properties) {
      const known = byShape.get(shapeKey(schema));
      if (known) return known;
      const name = NAMES[where] ?? defaultName;
      claim(name, schema, where);
      if (isEnum(schema)) renderEnum(name, schema);
      else renderStruct(name, schema, where);
      return name;
    }
    switch (schema.type) {
      case 'string': return 'String';
      case 'integer': return 'i64';
      case 'number': return 'f64';
      case 'boolean': return 'bool';
      case 'array': return `Vec<${typeOf(schema.items, `${where}[]`, defaultName)}>`;
      case 'object': {
        const values = Object.values(schema.patternProperties ?? {});
        if (values.length === 1) return `std::collections::BTreeMap<String, ${typeOf(values[0], `${where}{}`, defaultName)}>`;
        if (values.length === 0 && schema.additionalProperties !== false) return 'serde_json::Map<String, serde_json::Value>';
      }
    }
    throw new Error(`${where}: unsupported schema ${JSON.stringify(schema)}`);
  }

  function renderEnum(name, schema) {
    defaultable.set(name, false);
    const lines = [...doc(schema.description ?? `One of the values of \`${name}\`.`, '')];
    lines.push('#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]', `pub enum ${name} {`);
    for (const { const: value, description } of schema.anyOf) {
      lines.push(...doc(description ?? `\`${value}\``, '    '));
      lines.push(`    #[serde(rename = ${JSON.stringify(value)})]`);
      lines.push(`    ${VARIANTS[value] ?? pascal(value)},`);
    }
    lines.push('}', '', `impl ${name} {`, '    /// The value as sent on the wire.', '    pub fn as_str(&self) -> &\'static str {', '        match self {');
    for (const { const: value } of schema.anyOf) lines.push(`            ${name}::${VARIANTS[value] ?? pascal(value)} => ${JSON.stringify(value)},`);
    lines.push('        }', '    }', '}', '');
    // Lets code compare with the wire value, as it could when these fields were strings.
    lines.push(`impl PartialEq<&str> for ${name} {`, '    fn eq(&self, other: &&str) -> bool {', '        self.as_str() == *other', '    }', '}');
    items.push(lines.join('\n'));
  }

  function renderStruct(name, schema, where) {
    const required = new Set(schema.required ?? []);
    const slot = items.push('') - 1; // keep the parent before the types its fields introduce
    const fields = [];
    let canDefault = true;
    for (const [prop, propSchema] of Object.entries(schema.properties)) {
      let type = typeOf(propSchema, `${where}.${prop}`, `${name}${pascal(prop)}`);
      const attrs = [];
      if (!required.has(prop)) {
        // In a PATCH body absent and null differ (null clears the field), so an optional
        // nullable field there is Option<Option<T>>: None leaves it out, Some(None) sends null.
        // Elsewhere null and absent mean the same, and one Option says it.
        if (!type.startsWith('Option<') || patchBodies.has(name)) type = `Option<${type}>`;
        attrs.push('default', 'skip_serializing_if = "Option::is_none"');
      }
      const base = type.replace(/^(Option<)+/, '').replace(/>+$/, '');
      // A required field of a type not (yet) known to have a Default rules the derive out.
      if (!type.startsWith('Option<') && !/^(String|Vec<|std::|serde_json::)/.test(base) && /^[A-Z]/.test(base) && defaultable.get(base) !== true) canDefault = false;
      const description = propSchema.description ?? `\`${prop}\``;
      fields.push([...doc(description, '    '), ...(attrs.length ? [`    #[serde(${attrs.join(', ')})]`] : []), `    pub ${field(prop)}: ${type},`].join('\n'));
    }
    defaultable.set(name, canDefault);
    const derives = ['Debug', 'Clone', 'PartialEq', ...(canDefault ? ['Default'] : []), 'Serialize', 'Deserialize'];
    const head = [...doc(schema.description ?? `The \`${where}\` object.`, ''), `#[derive(${derives.join(', ')})]`];
    items[slot] = [...head, `pub struct ${name} {`, ...fields, '}'].join('\n');
  }

  for (const [schemaName, schema] of Object.entries(schemas)) {
    const name = RENAMED_SCHEMAS[schemaName] ?? schemaName;
    // A top-level schema always gets its own name, even when its shape repeats a nested one.
    claim(name, schema, schemaName);
    if (isEnum(schema)) renderEnum(name, schema);
    else if (schema.type === 'object' && schema.properties) renderStruct(name, schema, schemaName);
    else throw new Error(`${schemaName}: unsupported top-level schema`);
  }

  return [
    '// @generated by sdks/rust/scripts/generate.mjs from spec/openapi.json; do not edit.',
    '//! The API\'s wire types, one per `components.schemas` entry (and per nested object or enum),',
    '//! named as in the spec; timestamps are ISO-8601 UTC strings, as sent.',
    '',
    '#![allow(clippy::all)]',
    '',
    'use serde::{Deserialize, Serialize};',
    '',
    items.join('\n\n'),
    '',
  ].join('\n');
}

'use strict';
// Rewrites one top-level list of a YAML file (`images:`, `replicas:`, `resources:`) so that its
// per-service items follow the registry, as text: comments and the rest of the file stay as
// written, and an item that is already there keeps its hand edits (a release tag, say).

/** Splits a `key:` block into its items (each `  - ...` line with the more-indented lines under it). */
function listBlock(text, key) {
  const match = new RegExp(`^${key}:\\n((?:[ -].*\\n)*)`, 'm').exec(text);
  if (!match) return undefined;
  const items = [];
  for (const line of match[1].split('\n').slice(0, -1)) {
    if (/^ {2}- /.test(line) || items.length === 0) items.push([line]);
    else items[items.length - 1].push(line);
  }
  return { start: match.index, end: match.index + match[0].length, items: items.map((lines) => lines.join('\n')) };
}

/**
 * The text with `key:`'s service items replaced by one per registered service, in `services`
 * order. `serviceOf(item)` names the service an item is for (undefined: not a service item, kept
 * first as it is); `render(service, items)` writes a missing one (items: the existing ones).
 */
function syncList(text, key, services, { serviceOf, render }) {
  const block = listBlock(text, key);
  if (!block) throw new Error(`no top-level "${key}:" list`);
  const others = block.items.filter((item) => serviceOf(item) === undefined);
  const existing = new Map(block.items.filter((item) => serviceOf(item) !== undefined).map((item) => [serviceOf(item), item]));
  const items = [...others, ...services.map((s) => existing.get(s.name) ?? render(s, [...existing.values()]))];
  return `${text.slice(0, block.start)}${key}:\n${items.map((item) => `${item}\n`).join('')}${text.slice(block.end)}`;
}

/** The service names of a list's items (for the check of entries naming unregistered services). */
function listedServices(text, key, serviceOf) {
  return (listBlock(text, key)?.items ?? []).map(serviceOf).filter((name) => name !== undefined);
}

module.exports = { syncList, listedServices };

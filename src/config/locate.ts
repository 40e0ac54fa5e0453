/**
 * From a path in the policy data (`["rules", 0, "when", "ai"]`) back to the YAML node it came
 * from, so errors found on plain data point at the line and column the user wrote.
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from "yaml";
import type { PolicyError } from "./policy.js";
import { keyText, positionOf, type PolicyDocument } from "./document.js";

export type DataPath = readonly (string | number)[];

/** Turns a path in the (possibly merged) policy data into a located error. */
export interface Locator {
  /** The file errors about the whole document (e.g. a missing `version`) are reported in. */
  file: string;
  atValue(path: DataPath, message: string): PolicyError;
  atKey(path: DataPath, message: string): PolicyError;
}

interface Found {
  /** The key of the last mapping entry on the path (undefined for the root or a list item). */
  key?: Node;
  /** The node at the path, or the deepest node that exists on it. */
  value?: Node;
  /** Whether the whole path exists in the document. */
  complete: boolean;
}

function offsetOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

function find(document: PolicyDocument, path: DataPath): Found {
  let value = (document.yaml.contents ?? undefined) as Node | undefined;
  let key: Node | undefined;
  for (const segment of path) {
    if (isAlias(value)) value = (value.resolve(document.yaml) ?? undefined) as Node | undefined;
    if (isMap(value)) {
      // The last of duplicate keys wins, as in the data.
      const pair = value.items.findLast((p) => keyText(p.key) === String(segment));
      if (!pair) return { key, value, complete: false };
      key = (pair.key ?? undefined) as Node | undefined;
      value = (pair.value ?? undefined) as Node | undefined;
      if (value === undefined) return { key, value: undefined, complete: true };
    } else if (isSeq(value)) {
      const item = value.items[Number(segment)] as Node | undefined;
      if (item === undefined) return { key, value, complete: false };
      key = undefined;
      value = item;
    } else {
      return { key, value, complete: false };
    }
  }
  return { key, value, complete: true };
}

/** A `key:` with nothing after it: the value has no text to point at, the key does. */
function isEmptyValue(node: Node | undefined): boolean {
  return isScalar(node) && node.value === null && !node.source;
}

/** Whether the document spells out this path (used to tell which file a merged value came from). */
export function hasPath(document: PolicyDocument, path: DataPath): boolean {
  return find(document, path).complete;
}

/** An error pointing at the value at `path` (or its key when the value is empty). */
export function errorAtValue(document: PolicyDocument, path: DataPath, message: string): PolicyError {
  const found = find(document, path);
  const node = found.complete && !isEmptyValue(found.value) ? (found.value ?? found.key) : (found.key ?? found.value);
  return positionOf(document, offsetOf(node) ?? 0, message);
}

/** An error pointing at the key of the entry at `path` (e.g. an unknown or forbidden key). */
export function errorAtKey(document: PolicyDocument, path: DataPath, message: string): PolicyError {
  const found = find(document, path);
  return positionOf(document, offsetOf(found.key ?? found.value) ?? 0, message);
}

export function documentLocator(document: PolicyDocument): Locator {
  return {
    file: document.blob.path,
    atValue: (path, message) => errorAtValue(document, path, message),
    atKey: (path, message) => errorAtKey(document, path, message),
  };
}

import { createRequire } from 'node:module';

/**
 * pdfmake resolves a style property of a node or a word (`StyleContextStack.getStyleProperty`) by pushing the item
 * and its named styles on the style stack, walking the stack (`getProperty`, which makes a closure and a Set for
 * each named style it meets) and popping them again: closures, an array and Sets for every property of every word
 * and cell, about a twelfth of all the memory a report allocated. This walks the same entries in the same order and
 * gives the same value without pushing or making anything.
 */

type Style = Record<string, unknown> & { extends?: string | string[] };
type Override = string | Record<string, unknown>;
type Stack = {
  styleOverrides?: Override[];
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
};
type GetProperty = (this: Stack, property: string) => unknown;
type StackClass = {
  getStyleProperty(item: unknown, stack: Stack | undefined, property: string, fallback: unknown): unknown;
  prototype: { getProperty: GetProperty };
};

const require = createRequire(import.meta.url);
const StyleContextStack = (require('pdfmake/js/StyleContextStack.js') as { default: StackClass }).default;
const pdfmakeGetStyleProperty = StyleContextStack.getStyleProperty.bind(StyleContextStack);
const pdfmakeGetProperty = StyleContextStack.prototype.getProperty;

/** pdfmake's test of a style value: anything but undefined and null. */
const isValue = (value: unknown): boolean => value !== undefined && value !== null;
/** pdfmake's test of a style name. */
const isName = (item: unknown): item is string => typeof item === 'string' || item instanceof String;

/** The property in the named style or the styles it extends (the last first), each style visited once. */
function fromStyle(stack: Stack, name: string, property: string, visited: Set<string> | null): unknown {
  if (visited?.has(name) === true) return undefined;
  const style = stack.styleDictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = fromStyle(stack, parents[i] as string, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** One entry of the stack: a style's name, or an object of properties. */
const fromEntry = (stack: Stack, entry: Override, property: string): unknown =>
  isName(entry) ? fromStyle(stack, String(entry), property, null) : entry[property];

/** pdfmake's `getProperty`: the stack from its top, then the default style. */
function stackValue(stack: Stack, property: string): unknown {
  const entries = stack.styleOverrides;
  if (entries) {
    for (let i = entries.length - 1; i >= 0; i--) {
      const value = fromEntry(stack, entries[i] as Override, property);
      if (isValue(value)) return value;
    }
  }
  return stack.defaultStyle && stack.defaultStyle[property];
}

/** pdfmake's `getStyleProperty`: the item itself, then its named styles (the last first), then the stack. */
function styleProperty(item: unknown, stack: Stack | undefined, property: string, fallback: unknown): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (isValue(own)) return own;
  if (!stack) return fallback;
  let value: unknown;
  if (!isName(item) && (item as { section?: unknown }).section === undefined) {
    const style = (item as { style?: Override | Override[] }).style;
    const names = !style ? [] : Array.isArray(style) ? style : [style];
    for (let i = names.length - 1; i >= 0 && !isValue(value); i--)
      value = fromEntry(stack, names[i] as Override, property);
  }
  if (!isValue(value)) value = stackValue(stack, property);
  return isValue(value) ? value : fallback;
}

/** Installs the allocation-free lookups into pdfmake (a process-wide singleton), or (for tests) puts its own back. */
export function useDirectStyleLookup(enabled = true): void {
  StyleContextStack.getStyleProperty = enabled ? styleProperty : pdfmakeGetStyleProperty;
  StyleContextStack.prototype.getProperty = enabled
    ? function (this: Stack, property: string) {
        return stackValue(this, property);
      }
    : pdfmakeGetProperty;
}

/** pdfmake's own lookups, for the test that compares them with these. */
export const pdfmakeLookups = { getStyleProperty: pdfmakeGetStyleProperty, getProperty: pdfmakeGetProperty };
export const directLookups = { getStyleProperty: styleProperty, getProperty: stackValue };

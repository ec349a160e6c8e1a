import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directLookups, pdfmakeLookups } from './pdf-style-lookup.js';

type StackClass = new (dictionary: object, defaultStyle?: object) => { styleOverrides: unknown[] };
const StyleContextStack = (createRequire(import.meta.url)('pdfmake/js/StyleContextStack.js') as { default: StackClass })
  .default;

const NAMES = ['h1', 'h2', 'body', 'cell', 'missing'];
const PROPERTIES = ['font', 'fontSize', 'bold', 'lineHeight'];

/** A value as styles hold them, null and undefined included (neither counts as set). */
const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(0), fc.constant(''), fc.integer());
const properties = fc.dictionary(fc.constantFrom(...PROPERTIES), value, { maxKeys: 3 });
/** Styles that may extend one another, in chains and in cycles. */
const style = fc.record(
  { own: properties, extends: fc.option(fc.oneof(fc.constantFrom(...NAMES), fc.array(fc.constantFrom(...NAMES)))) },
  { requiredKeys: ['own'] },
);
const dictionary = fc.dictionary(fc.constantFrom(...NAMES.slice(0, 4)), style);
const entry = fc.oneof(fc.constantFrom(...NAMES), properties);
const item = fc.oneof(
  fc.constant('a text'),
  fc.record({
    own: properties,
    style: fc.option(fc.oneof(entry, fc.array(entry, { maxLength: 3 }))),
    section: fc.option(fc.constant(true)),
  }),
);

const asStyle = (s: { own: object; extends?: unknown }) =>
  s.extends === null || s.extends === undefined ? { ...s.own } : { ...s.own, extends: s.extends };
const asItem = (i: unknown) => {
  if (typeof i === 'string') return i;
  const { own, style: named, section } = i as { own: object; style: unknown; section: unknown };
  return { ...own, ...(named === null ? {} : { style: named }), ...(section === null ? {} : { section }) };
};

describe('style lookups without pushing on the stack', () => {
  it('give what pdfmake gives for any stack, item and property', () => {
    fc.assert(
      fc.property(
        dictionary,
        fc.option(properties),
        fc.array(entry, { maxLength: 4 }),
        item,
        fc.constantFrom(...PROPERTIES),
        (styles, defaults, entries, picked, property) => {
          const stack = new StyleContextStack(
            Object.fromEntries(Object.entries(styles).map(([name, s]) => [name, asStyle(s)])),
            defaults ?? undefined,
          );
          stack.styleOverrides.push(...entries);
          const it = asItem(picked);
          const before = [...stack.styleOverrides];
          expect(directLookups.getStyleProperty(it, stack as never, property, 'fallback')).toBe(
            pdfmakeLookups.getStyleProperty(it, stack as never, property, 'fallback'),
          );
          expect(directLookups.getProperty(stack as never, property)).toBe(
            pdfmakeLookups.getProperty.call(stack as never, property),
          );
          expect(directLookups.getStyleProperty(it, undefined, property, 'fallback')).toBe(
            pdfmakeLookups.getStyleProperty(it, undefined, property, 'fallback'),
          );
          expect(stack.styleOverrides).toEqual(before);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

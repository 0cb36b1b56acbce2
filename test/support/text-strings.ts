import * as fc from 'fast-check';

/** The C0 controls but NUL (which makes a file binary, not an article), DEL and the C1 controls. */
const CONTROL_CODES = [...Array.from({ length: 0x1f }, (_, i) => 0x01 + i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];

/** One control character; fast-check's `'grapheme'` unit never draws one. */
const controlCharacter = fc.constantFrom(...CONTROL_CODES.map((code) => String.fromCharCode(code)));

/** One grapheme as fast-check's `'grapheme'` unit draws it (letters, accented ones decomposed too, CJK, RTL, emoji). */
const grapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });

/** How many graphemes are drawn for each control character. */
const GRAPHEMES_PER_CONTROL = 9;

/**
 * Strings of up to `maxLength` units, each a grapheme of fast-check's `'grapheme'` unit or, one in ten, a control
 * character: text as an article may hold it.
 *
 * @example
 * fc.assert(fc.property(textStrings(300), (text) => decode(encode(text)) === text));
 */
export function textStrings(maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.oneof({ weight: GRAPHEMES_PER_CONTROL, arbitrary: grapheme }, { weight: 1, arbitrary: controlCharacter }), maxLength });
}

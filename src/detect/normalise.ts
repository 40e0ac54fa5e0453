/**
 * Text is normalised before any rule reads it, so that look-alike characters cannot hide a
 * trailer or an identity: `Co‐authored‐by` with U+2010 hyphens, a fullwidth colon, a
 * zero-width space inside a key or an e-mail, a byte-order mark before the key.
 *
 * - NFKC folds compatibility forms (fullwidth letters and colon, U+2011, ligatures);
 * - format characters (Unicode category Cf: zero-width space/joiners, BOM, bidi marks, soft
 *   hyphen) are dropped: they are invisible, so no reader sees them as part of a word;
 * - dashes that read as a hyphen (U+2010–U+2015, U+2212, small and fullwidth hyphen-minus)
 *   become `-`.
 *
 * Normalisation only ever makes text read the way a person already reads it; it never adds
 * a word, so a human message cannot gain an AI mark through it (tests prove both ways).
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const HYPHEN_LIKE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
// Plain ASCII text (nearly every commit) needs none of the work below.
const NON_ASCII = /[^\x00-\x7F]/;

export function normaliseText(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize("NFKC").replace(FORMAT_CHARACTERS, "").replace(HYPHEN_LIKE, "-");
}

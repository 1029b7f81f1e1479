/**
 * Time expressions in English and Chinese, normalised to TimeML (TIMEX3) values.
 *
 *   findTimes(text, lang, context)          one text (a sentence, a paragraph or a whole article)
 *   resolveDocumentTimes(sentences, dct?)   a document in order, carrying the reference time across sentences and
 *                                           inferring the document date when it has none
 */
export { findTimes, anchorsOf, ageAnchors } from './find.js';
export { resolveDocumentTimes, type DocumentTimes, type DocumentDate } from './document.js';
export type { Timex, TimeContext, TimeAnchor, TimexType } from './types.js';

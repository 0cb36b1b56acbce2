/**
 * The version of the entities that the recogniser, merging and role mining make with one model file. Raise it with
 * every deliberate change of their output that does not come from the model file: the tokenizer, the decoder, the
 * rules after decoding, merging, role mining. A saved index holds the entities it was built with, and it is rebuilt
 * only when the name of the extractor changes: the model file's hash and this version (`extractorId`). With the hash
 * alone, a user's saved index kept the entities of the extension version that built it, through every change of
 * the rules. The golden digests' test records the extractor's name its digests were made with, and refuses new
 * digests under the same name: a new model changes the hash, new rules must change this version.
 *
 * @example
 * ENTITY_OUTPUT_VERSION; // 15: extractors are named 'ner:3f0c…+entities-v15' (the model file's hash, then this)
 */
export const ENTITY_OUTPUT_VERSION = 15;

/**
 * What the extractor's name adds to the model file's hash: the {@link ENTITY_OUTPUT_VERSION}.
 *
 * @example
 * `ner:3f0c…${ENTITY_OUTPUT_SUFFIX}`; // 'ner:3f0c…+entities-v1'
 */
export const ENTITY_OUTPUT_SUFFIX = `+entities-v${ENTITY_OUTPUT_VERSION}`;

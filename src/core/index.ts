// The public face of the core: pure TypeScript, no DOM, no browser APIs. Shared by the content
// script, the extension pages and the command line.
export { compile, compileTables, matcherFrom, type CompiledRule, type Finding, type FindOptions, type Matcher, type MatcherTables } from './matcher';
export { parseList, validateList, type LoadResult } from './load-list';
export { coreMessages, setCoreMessages, ENGLISH as ENGLISH_CORE_MESSAGES, VALUE_KINDS, type CoreMessages } from './messages';
export {
  listSchema,
  ruleSchema,
  LIST_FORMAT,
  TECHNIQUES,
  INFLECTIONS,
  COMPOUND_POSITIONS,
  ID_PATTERN,
  type RuleList,
  type Rule,
  type Source,
  type Technique,
} from './list-schema';
export { surfaceForms, exclusionForms, nearForms, expandBraces } from './forms';
export { normalize, foldText } from './normalize';
export { sentenceAround, sentenceBounds, sentenceParts } from './sentence';
export { primaryLanguage } from './language';
export { signalsFor, type NearSignal, type Signal } from './signals';
export { checkExamples } from './examples';
export { BLOCK_BREAK, isHardBreak } from './breaks';
export { completenessProblems, duplicateForms } from './list-checks';
export { MATCHER_FORMAT, serializeTables, deserializeTables, type SerializedMatcher } from './serialize';

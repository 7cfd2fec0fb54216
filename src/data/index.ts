/**
 * Data layer: the value model and the loaders that build it.
 */
export { type DataLimits, DEFAULT_LIMITS } from './limits.js';
export { type LoadOptions, loadDataDocument } from './load-data.js';
export { loadStandardDocument } from './load-standard.js';
export { mergeDocuments } from './merge.js';
export { indexPath, keyPath, ROOT_PATH } from './path.js';
export { type DataPosition, PositionIndex } from './positions.js';
export { rebaseValue } from './rebase.js';
export {
  parseRustF64,
  parseRustI64,
  resolveStandardPlain,
  resolveValidatePlain,
  type ScalarResult,
} from './scalars.js';
export type * from './value.js';

/** The aligner's result type, tunable weights and switches. */
import type { Segmenter } from './features.js';

/** A link between segments of side a and side b (0-based indices, one side may be empty). */
export interface Bead {
  a: number[];
  b: number[];
  confidence: number;
}

export interface AlignParameters {
  /** Score per sentence of a k-l bead is (k + l) × similarity. */
  lexicalWeight: number;
  /** Penalty for each sentence left unaligned (1-0 / 0-1). */
  skipPenalty: number;
  /** Penalty for each sentence beyond the two of a 1-1 bead. */
  mergePenalty: number;
  /** Extra penalty when both sides have several sentences (2-2, 2-3 …). */
  manyToManyPenalty: number;
  /** Weight of the squared log length ratio. */
  lengthWeight: number;
  /** Characters added to both lengths before the ratio, so short segments are not judged harshly. */
  lengthSmoothing: number;
  /** Segments longer than this many (target-side) characters get a proportionally stronger length term… */
  lengthScaleChars: number;
  /** …up to this factor. */
  lengthScaleMax: number;
  numberMatch: number;
  numberMismatch: number;
  punctuationMatch: number;
  punctuationMismatch: number;
  latinMatch: number;
  latinMismatch: number;
  nameMatch: number;
  /** Similarity assumed for segments without content words. */
  emptySimilarity: number;
  /** Weight of characters-only glosses (per-character fallback). */
  halfWeight: number;
  coarseBand: number;
  corridor: number;
  learnMinCount: number;
  learnMinDice: number;
}

export const DEFAULT_PARAMETERS: AlignParameters = {
  lexicalWeight: 1,
  skipPenalty: 0.8,
  mergePenalty: 0.6,
  manyToManyPenalty: 0.36,
  lengthWeight: 0.9,
  lengthSmoothing: 12,
  lengthScaleChars: 150,
  lengthScaleMax: 8,
  numberMatch: 0.24,
  numberMismatch: 0.2,
  punctuationMatch: 0.225,
  punctuationMismatch: 0.15,
  latinMatch: 0.4,
  latinMismatch: 0.15,
  nameMatch: 0.3,
  emptySimilarity: 0.25,
  halfWeight: 0.5,
  coarseBand: 15,
  corridor: 5,
  learnMinCount: 3,
  learnMinDice: 0.5,
};

export interface AlignOptions {
  /** Signals to switch off (ablation). */
  lexicon?: boolean;
  anchors?: boolean;
  length?: boolean;
  secondPass?: boolean;
  pinyin?: boolean;
  segmenter?: Segmenter;
  /** Largest bead, [segments of a, segments of b]; default 3×6 Chinese→English, 4×4 otherwise. */
  maxBead?: [number, number];
  parameters?: Partial<AlignParameters>;
}

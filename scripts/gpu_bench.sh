#!/usr/bin/env bash
# iwssl-bench on a GPU machine that has torch but not fastai (and may have no internet).
#   here, once:   bash scripts/gpu_bench.sh prepare      wheels for Python 3.12 into .whl/ (git-ignored), with this package's
#   there:        bash scripts/gpu_bench.sh run          (device run with carry [".whl"]); figures in $OUT/bench_*.json
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
prepare)
  rm -rf .whl && mkdir -p .whl
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl \
    fastai fastcore fasttransform fastdownload fastprogress 'plum-dispatch<2.10' beartype python-fasthtml starlette \
    itsdangerous python-multipart
  python3 -m pip wheel -q --no-deps -w .whl .
  ls .whl ;;
run)
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH=/tmp/site PYTHONUNBUFFERED=1
  python3 -c 'import fastai.vision.all, imagewang_ssl.bench; print("fastai imports")'
  nvidia-smi --query-gpu=name,memory.total --format=csv
  out=${OUT:-.}
  # 128 px, the leaderboard's size; the learners' default batch of 64, then a larger batch for throughput.
  python3 -m imagewang_ssl.bench --size 128 --bs 64 --n-batches 20 --json "$out/bench_128_bs64.json"
  python3 -m imagewang_ssl.bench --size 128 --bs 256 --n-batches 20 --json "$out/bench_128_bs256.json"
  python3 -m imagewang_ssl.bench --size 128 --bs 256 --n-batches 20 --compile --json "$out/bench_128_bs256_compile.json" ;;
*) echo "usage: $0 prepare|run"; exit 2 ;;
esac

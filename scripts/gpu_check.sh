#!/usr/bin/env bash
# Check imagewang_ssl on a machine with CUDA GPUs, in one go (about 8 minutes on one H100):
#   1. iwssl-bench at 128 px, eager and compiled (images/s, overhead, MFU, the speed goals);
#   2. a smoke grid of the classifier and every pretext family at 128 px on generated images of Imagewang 160's size, job-parallel over every
#      GPU present (torchrun when there are several);
#   3. the notebooks' `cuda` cells (scripts/cuda_cells.py).
# Writes one JSON, $OUT/gpu_check.json (OUT defaults to ./gpu_check), and prints a table.
#
#   bash scripts/gpu_check.sh                 in the current Python environment (which has a CUDA build of torch)
#   bash scripts/gpu_check.sh --venv DIR      in a venv made at DIR on top of the current environment's torch
#   bash scripts/gpu_check.sh wheels          on a machine with internet: the pinned wheels into .whl/, for a GPU
#                                             machine without internet, where the check then installs from .whl/
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
# pinned: the versions the tests pass with (torch comes from the environment)
PINS="fastai==2.8.12 fastcore==2.2.41 fasttransform==0.0.5 fastdownload==0.0.8 fastprogress==1.1.6 plum-dispatch==2.9.0
      beartype==0.23.1 python-fasthtml==0.14.14 starlette==1.10.0 itsdangerous==2.2.0 python-multipart==0.0.34"

if [ "${1:-}" = wheels ]; then
  rm -rf .whl && mkdir -p .whl
  $PY -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl $PINS
  $PY -m pip wheel -q --no-deps -w .whl .
  ls .whl; exit 0
fi
if [ "${1:-}" = --venv ]; then
  $PY -m venv --system-site-packages "$2" && source "$2/bin/activate" && PY=python
fi

OUT=${OUT:-gpu_check}; mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
export PYTHONUNBUFFERED=1 OMP_NUM_THREADS=${OMP_NUM_THREADS:-4}
if [ -d .whl ]; then   # no internet: the wheels made by `wheels`
  site=$(mktemp -d)/site
  $PY -m pip install -q --no-index --no-deps --no-compile --target "$site" .whl/*.whl
  export PYTHONPATH="$site${PYTHONPATH:+:$PYTHONPATH}" PATH="$site/bin:$PATH"
else
  $PY -m pip install -q $PINS -e .
fi
$PY -c 'import torch, fastai, imagewang_ssl.leaderboard; assert torch.cuda.is_available(), "no CUDA GPU"; print(f"torch {torch.__version__}, fastai {fastai.__version__}, {torch.cuda.device_count()} x {torch.cuda.get_device_name()}")'
ngpu=$($PY -c 'import torch; print(torch.cuda.device_count())')
status=0
step() { local name=$1; shift; local t=$SECONDS; echo "== $name"; if "$@" > "$OUT/$name.log" 2>&1; then echo "ok" > "$OUT/$name.status"; else echo "failed" > "$OUT/$name.status"; status=1; fi
         echo "$((SECONDS - t))" > "$OUT/$name.seconds"; grep -v -i warn "$OUT/$name.log" | tail -15; }

# 1. the benchmark: the leaderboard's 128 px, a batch of 256 for throughput, 16 DataLoader workers for the per-item path;
#    every learner eager (each with its data path both ways: per item and from the image store), the three with goals compiled
step bench_eager $PY -m imagewang_ssl.bench --size 128 --bs 256 --n-batches 20 --num-workers 16 --json "$OUT/bench_eager.json"
step bench_compiled $PY -m imagewang_ssl.bench --size 128 --bs 256 --n-batches 20 --num-workers 16 --compile --learners classifier restoration swav --json "$OUT/bench_compiled.json"

# 2. a smoke grid, job-parallel over the GPUs: 128 px, 1 run of 2 epochs, the baseline and every pretext family (2-epoch pretexts)
data=$(mktemp -d)/imagewang_like
$PY -c "from imagewang_ssl.data import make_tiny_imagewang; make_tiny_imagewang('$data', n_train=20, n_unsup=2000, n_val=10, size=(160, 240))"
grid="--data $data --sizes 128 --epochs 2 --runs 1 --pretexts none greyblur rotation swav simclr moco byol barlow dino vicreg jigsaw corrupted --pretext-epochs 2 --arch xresnet34 --bs 64 --out $OUT/grid"
if [ "$ngpu" -gt 1 ]; then step grid $PY -m torch.distributed.run --standalone --nproc_per_node "$ngpu" -m imagewang_ssl.leaderboard $grid
else step grid $PY -m imagewang_ssl.leaderboard $grid; fi

# 3. the notebooks' cuda cells
step cuda_cells $PY scripts/cuda_cells.py --json "$OUT/cuda_cells.json"

$PY - "$OUT" <<'PY'
import csv, json, sys
from pathlib import Path
out = Path(sys.argv[1])
def read(name): return json.loads((out/name).read_text()) if (out/name).exists() else None
steps = {s: dict(status=(out/f'{s}.status').read_text().strip(), seconds=int((out/f'{s}.seconds').read_text()))
         for s in ('bench_eager', 'bench_compiled', 'grid', 'cuda_cells') if (out/f'{s}.status').exists()}
grid = list(csv.DictReader(open(out/'grid'/'results.csv'))) if (out/'grid'/'results.csv').exists() else []
res = dict(steps=steps, bench_eager=read('bench_eager.json'), bench_compiled=read('bench_compiled.json'), grid=grid,
           cuda_cells=read('cuda_cells.json'))
(out/'gpu_check.json').write_text(json.dumps(res, indent=1))
print(f"\n{'step':16}{'status':>8}{'seconds':>9}")
for s, v in steps.items(): print(f"{s:16}{v['status']:>8}{v['seconds']:>9}")
for name in ('bench_eager', 'bench_compiled'):
    b = res[name]
    if b: print(f"{name}: " + '; '.join(f"{l} loop {r['loop']:.0f} img/s, step {r['step']:.0f}, data {r['data']:.0f} (per core: {r['data_per_core']['items']:.0f} per item, {r['data_per_core']['store']:.0f} from the store), overhead {r['overhead']:.2f}"
                                        + (f", MFU {r['mfu']:.1%}" if 'mfu' in r else '') for l, r in b['learners'].items()))
for r in grid: print(f"grid: {r['pretext']:9} {r['epochs']} epochs: accuracy {float(r['accuracy'] or 'nan'):.3f}, {r['seconds']} s on {r['device']}, {r['status']}")
print(f"written: {out/'gpu_check.json'}")
PY
exit $status

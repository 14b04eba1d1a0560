"""Execute the notebooks and keep their outputs, as they are committed: `python .ci/execute.py [--keep-slow] [NOTEBOOK ...]`.

Each notebook runs top to bottom in its own folder, as "Run All" in Jupyter does (cells flagged `cuda` skip themselves
without a GPU), in a process of its own, two at a time. Figures are drawn at a modest resolution, as JPEG; progress bars,
warnings and other stderr output are dropped, so that what is committed is what a reader should see. `nbdev-clean`
runs afterwards. Without arguments: every notebook in nbs/ and nbs/examples/. With `--keep-slow`, the cells flagged
`slow` are not run and keep the outputs they have (for a notebook whose slow cells are unchanged and take long)."""
import json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parent.parent
SETUP = """import fastprogress.fastprogress as fp   # fastai's bars and epoch tables as in Jupyter (HTML), not console text
fp.master_bar, fp.progress_bar = fp.NBMasterBar, fp.NBProgressBar
%config InlineBackend.rc = {'figure.dpi': 50}
%config InlineBackend.figure_formats = ['jpeg']
%matplotlib inline"""

def _keep(o):
    "Whether output `o` belongs in the committed notebook."
    if o.get('output_type') == 'stream': return o.get('name') == 'stdout'
    html = ''.join(o.get('data', {}).get('text/html', ''))
    return '<progress' not in html and not (html.strip() == '' and set(o.get('data', {})) == {'text/html'})

def _slow(c): return c.cell_type == 'code' and any(l.strip() == '#| slow' for l in c.source.splitlines()[:3])

def execute(nb_path, keep_slow=False):
    "Run `nb_path` in this process and write it back with its outputs (those of its `slow` cells kept, with `keep_slow`)."
    from fastcore.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    nb_path = Path(nb_path).resolve()
    os.chdir(nb_path.parent)
    nb = read_nb(nb_path)
    for c in nb.cells:
        if c.cell_type == 'code' and not (keep_slow and _slow(c)): c.outputs, c.execution_count = [], None
    sh = CaptureShell()
    sh.run(SETUP)
    sh.run_all(nb, exc_stop=True, preproc=lambda c: keep_slow and _slow(c))
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs = [o for o in c.get('outputs', []) if _keep(o)]
    write_nb(nb, nb_path)

if __name__ == '__main__':
    args = sys.argv[1:]
    keep_slow = '--keep-slow' in args
    args = [a for a in args if a != '--keep-slow']
    if len(args) == 2 and args[0] == '--one': execute(args[1], keep_slow); sys.exit(0)
    subprocess.run(['git', 'clean', '-fdXq', 'nbs'], cwd=root, check=True)   # what earlier runs left (results/, tiny/): start afresh
    nbs = args or sorted(str(p) for p in list((root/'nbs').glob('*.ipynb')) + list((root/'nbs'/'examples').glob('*.ipynb')))
    env = dict(os.environ, OMP_NUM_THREADS='1', PYTHONWARNINGS='ignore')
    def one(nb):
        r = subprocess.run([sys.executable, __file__, '--one', nb] + (['--keep-slow'] if keep_slow else []), capture_output=True,
                           text=True, env=env)
        print(f"{'ok    ' if r.returncode == 0 else 'FAILED'} {Path(nb).name}" + ('' if r.returncode == 0 else '\n' + r.stderr[-3000:]), flush=True)
        return r.returncode == 0
    with ThreadPoolExecutor(2) as ex: ok = all(list(ex.map(one, nbs)))
    subprocess.run(['nbdev-clean'], cwd=root, check=True)
    sys.exit(0 if ok else 1)

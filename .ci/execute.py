"""Execute the notebooks and keep their outputs, as they are committed: `python .ci/execute.py [--keep-slow] [NOTEBOOK ...]`.

Each notebook runs top to bottom in its own folder, as "Run All" in Jupyter does (cells flagged `cuda` skip themselves
without a GPU), in a process of its own, two at a time. Figures are drawn at 80 dpi, charts kept as PNG and photos
turned into JPEG (a fraction of the size); printed text is kept where it was
printed among a cell's tables and figures (execnb would put it all first); progress bars and their style sheet, empty
HTML, the Markdown copy of fastai's epoch tables (their HTML in a code fence), warnings and other stderr output are
dropped, so that what is committed is what a reader should see. `nbdev-clean`
runs afterwards. Without arguments: every notebook in nbs/ and nbs/examples/. With `--keep-slow`, the cells flagged
`slow` are not run and keep the outputs they have (for a notebook whose slow cells are unchanged and take long)."""
import base64, contextlib, io, json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parent.parent
SETUP = """import fastprogress.fastprogress as fp   # fastai's bars and epoch tables as in Jupyter (HTML), not console text
fp.master_bar, fp.progress_bar = fp.NBMasterBar, fp.NBProgressBar
%config InlineBackend.rc = {'figure.dpi': 80}
%config InlineBackend.figure_formats = ['png']
%matplotlib inline"""

PLOTS = re.compile(r'\b(leaderboard_plot|leaderboard_curves|plot_val_confusion)\(|\.plot\(|plt\.(plot|subplots)\(')   # charts, not photos

def _as_jpeg(o):
    "A PNG figure of photos as JPEG at the same resolution."
    from PIL import Image
    if 'image/png' not in o.get('data', {}): return o
    im = Image.open(io.BytesIO(base64.b64decode(''.join(o['data']['image/png']))))
    buf = io.BytesIO(); im.convert('RGB').save(buf, 'JPEG', quality=85, dpi=im.info.get('dpi', (80, 80)))
    data = {('image/jpeg' if k == 'image/png' else k): v for k, v in o['data'].items()}
    data['image/jpeg'] = base64.b64encode(buf.getvalue()).decode() + '\n'
    return dict(o, data=data, metadata={('image/jpeg' if k == 'image/png' else k): v for k, v in o.get('metadata', {}).items()})

PRINTED = 'printed'   # the metadata key of a display that is printed text (see `_Printed`)

class _Printed(io.TextIOBase):
    "Standard output during a cell: each write a display of plain text, so that it stays in order among the cell's displays."
    def __init__(self, shell): self.shell = shell
    def writable(self): return True
    def write(self, s):
        if s: self.shell.display_pub.publish(data={'text/plain': s}, metadata={PRINTED: True})
        return len(s)

def _in_order():
    "Make execnb's shell capture printed text as displays (see `_Printed`) instead of one block before them."
    from execnb.shell import CaptureShell
    captured = CaptureShell._captured
    @contextlib.contextmanager
    def _captured(self, stdout=True, stderr=True, display=True, verbose=False):
        with captured(self, False, stderr, display, verbose) as c:
            saved, sys.stdout = sys.stdout, _Printed(self)
            try: yield c
            finally: sys.stdout = saved
    CaptureShell._captured = _captured

def _streams(outs):
    "Printed-text displays as stdout stream outputs, consecutive ones merged."
    res = []
    for o in outs:
        if not o.get('metadata', {}).get(PRINTED): res.append(o); continue
        text = ''.join(o['data']['text/plain'])
        if res and res[-1].get('output_type') == 'stream' and res[-1].get('name') == 'stdout': text = ''.join(res.pop()['text']) + text
        res.append(dict(output_type='stream', name='stdout', text=text.splitlines(True)))
    return res

def _keep(o):
    "Output `o` as it belongs in the committed notebook, or None."
    if o.get('output_type') == 'stream': return o if o.get('name') == 'stdout' else None
    data = o.get('data', {})
    html = ''.join(data.get('text/html', ''))
    if '<progress' in html or html.lstrip().startswith('<style') or (html.strip() in ('', '<div></div>') and 'text/html' in data and not any(k.startswith('image/') for k in data)): return None
    if 'fastprogress' in html and 'text/markdown' in data: o = dict(o, data={k: v for k, v in data.items() if k != 'text/markdown'})
    return o

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
    _in_order()
    sh = CaptureShell()
    sh.run(SETUP)
    sh.run_all(nb, exc_stop=True, preproc=lambda c: keep_slow and _slow(c))
    for c in nb.cells:
        if c.cell_type != 'code': continue
        c.outputs = _streams([o for o in map(_keep, c.get('outputs', [])) if o is not None])   # text either side of a dropped bar is one
        if not PLOTS.search(c.source): c.outputs = [_as_jpeg(o) for o in c.outputs]
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

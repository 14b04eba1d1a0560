"""Run the notebooks' `#| cuda` cells, the smoke checks that need a GPU, and report each notebook's outcome as JSON.

Each notebook runs in a fresh Python process as a script of its import cells, its module's names, then its `cuda`
cells, so a cell may use what the notebook imports and defines, but nothing another cell computed.
    python scripts/cuda_cells.py [--json FILE] [NOTEBOOK ...]     (default: every nbs/*.ipynb with a cuda cell)
"""
import argparse, ast, json, subprocess, sys, tempfile, time
from pathlib import Path

def _code(cell): return ''.join(cell['source'])

def _is_import_cell(src):
    "A cell of imports (a test cell may add small helper functions), with nbdev's directives, and nothing that runs."
    lines = src.splitlines()
    body = '\n'.join(l for l in lines if not l.startswith('#|'))
    if '#| default_exp' in src or not body.strip(): return False
    try: tree = ast.parse(body)
    except SyntaxError: return False
    helpers_ok = '#| export' not in lines   # exported functions belong to the package, which the imports bring
    return all(isinstance(n, (ast.Import, ast.ImportFrom)) or (helpers_ok and isinstance(n, ast.FunctionDef) and not n.decorator_list)
               for n in tree.body)

def cuda_script(nb_path):
    "The script that runs `nb_path`'s cuda cells after its import cells, or None if it has no cuda cell."
    cells = [c for c in json.loads(Path(nb_path).read_text())['cells'] if c['cell_type'] == 'code']
    cuda = [_code(c) for c in cells if any(l.strip() == '#| cuda' for l in _code(c).splitlines())]
    if not cuda: return None
    imports = [_code(c) for c in cells if _is_import_cell(_code(c))]
    module = [f"from imagewang_ssl.{l.split()[-1]} import *   # what the notebook defines" for c in cells
              for l in _code(c).splitlines() if l.startswith('#| default_exp')]
    return '\n\n'.join(imports + module + cuda) + '\n'

def run(nb_path, timeout=600):
    script = cuda_script(nb_path)
    if script is None: return None
    with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f: f.write(script)
    start = time.time()
    try: r = subprocess.run([sys.executable, f.name], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired: return dict(notebook=str(nb_path), ok=False, seconds=timeout, output=f'timed out after {timeout} s')
    out = (r.stdout + ('' if r.returncode == 0 else r.stderr))[-2000:]
    return dict(notebook=str(nb_path), ok=r.returncode == 0, seconds=round(time.time() - start, 1), output=out)

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('notebooks', nargs='*')
    p.add_argument('--json', help='file to write the results to')
    args = p.parse_args()
    nbs = args.notebooks or sorted(str(o) for o in Path(__file__).resolve().parent.parent.glob('nbs/*.ipynb'))
    results = [r for r in map(run, nbs) if r is not None]
    for r in results: print(f"{'ok    ' if r['ok'] else 'FAILED'} {r['seconds']:7.1f} s  {Path(r['notebook']).name}\n" + ''.join(f"         {l}\n" for l in r['output'].strip().splitlines()[-6:]))
    if args.json: Path(args.json).write_text(json.dumps(results, indent=1))
    sys.exit(0 if results and all(r['ok'] for r in results) else 1)

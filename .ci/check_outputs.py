"""Check the notebooks' committed outputs: `python .ci/check_outputs.py`.

Every code cell that draws a figure has the figure among its committed outputs, and what a reader should not see is not
there: progress bars and their style sheet, empty HTML, the Markdown copy of fastai's epoch tables (their HTML in a
code fence, which renderers show as source), stderr output (warnings), and temporary folders' paths. Plots are PNG,
every figure at 79 dpi or more and 300 px wide or more, and no notebook is over 1 MB. That the outputs come from the
committed code is checked by running the notebooks again (`nbdev-test`), which must not fail."""
import base64, io, json, re, sys
from pathlib import Path
from PIL import Image

root = Path(__file__).resolve().parent.parent
DRAWS = re.compile(r'\b(show_batch|show_results|show_images|show_image|restoration_gallery|rotation_gallery|swav_gallery|leaderboard_plot|leaderboard_curves|plot_val_confusion|plot_top_losses|plot_confusion_matrix)\(|\.plot\(|plt\.(imshow|plot|subplots)\(')
sys.path.insert(0, str(Path(__file__).parent))
from execute import PLOTS   # charts, kept as PNG
TEMP = re.compile(r'/tmp/|/var/folders/|\btmp[a-z0-9_]{8}\b')   # and the names `tempfile.mkdtemp` gives

def _text(o):
    "Every text an output shows."
    return ''.join(o.get('text', '')) + ''.join(''.join(v) for k, v in o.get('data', {}).items() if k.startswith('text/'))

def check_image(fmt, b64):
    "What is wrong with an image output, or None."
    im = Image.open(io.BytesIO(base64.b64decode(b64)))
    dpi = (im.info.get('dpi') or (0, 0))[0]
    if dpi < 79: return f"{fmt} at {dpi:.0f} dpi, under 79"
    if im.width < 300: return f"{fmt} {im.width} x {im.height} px, too small to read (under 300 px wide)"

problems = []
for nb_path in sorted(list((root/'nbs').glob('*.ipynb')) + list((root/'nbs'/'examples').glob('*.ipynb'))):
    name = nb_path.relative_to(root)
    if nb_path.stat().st_size > 1_000_000: problems.append(f"{name}: {nb_path.stat().st_size / 1e6:.1f} MB, over 1 MB")
    for i, c in enumerate(json.loads(nb_path.read_text())['cells']):
        if c['cell_type'] != 'code': continue
        src, outs = ''.join(c['source']), c.get('outputs', [])
        where = f"{name}, code cell {i}"
        for o in outs:
            data = o.get('data', {})
            html = ''.join(data.get('text/html', ''))
            if o.get('output_type') == 'stream' and o.get('name') == 'stderr': problems.append(f"{where}: stderr output kept")
            if '<progress' in html: problems.append(f"{where}: a progress bar kept")
            if html.lstrip().startswith('<style'): problems.append(f"{where}: a style sheet output kept")
            if 'text/html' in data and not html.strip() and not any(k.startswith('image/') for k in data): problems.append(f"{where}: an empty HTML output")
            if '```html' in ''.join(data.get('text/markdown', '')): problems.append(f"{where}: a Markdown copy of an HTML table (shown as source)")
            if TEMP.search(_text(o)): problems.append(f"{where}: a temporary folder's path in an output ({TEMP.search(_text(o)).group()}...)")
            for fmt in ('image/png', 'image/jpeg'):
                if fmt in data and (bad := check_image(fmt, ''.join(data[fmt]))): problems.append(f"{where}: {bad}")
            if 'image/jpeg' in data and PLOTS.search(src): problems.append(f"{where}: a plot as JPEG (plots are PNG)")
        directives = [l for l in src.splitlines() if l.startswith('#|')]
        if any(re.match(r'#\|\s*(cuda|slow|eval:\s*false|export|hide)', l) for l in directives): continue   # definitions draw nothing
        if DRAWS.search(src) and not any({'image/png', 'image/jpeg'} & set(o.get('data', {})) for o in outs):
            problems.append(f"{where}: draws a figure, but no figure is committed")
for p in problems: print(p)
print(f"notebook outputs: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)

"""Check the notebooks' committed outputs: `python .ci/check_outputs.py`.

Every code cell that draws a figure has the figure among its committed outputs, no notebook is over 1 MB, and no
progress bar or stderr output (warnings) is kept. That the outputs come from the committed code is checked by running
the notebooks again (`nbdev-test`), which must not fail."""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
DRAWS = re.compile(r'\b(show_batch|show_results|show_images|show_image|restoration_gallery|rotation_gallery|swav_gallery|leaderboard_plot|plot_top_losses|plot_confusion_matrix)\(|\.plot\(|plt\.(imshow|plot|subplots)\(')
problems = []
for nb_path in sorted(list((root/'nbs').glob('*.ipynb')) + list((root/'nbs'/'examples').glob('*.ipynb'))):
    name = nb_path.relative_to(root)
    if nb_path.stat().st_size > 1_000_000: problems.append(f"{name}: {nb_path.stat().st_size / 1e6:.1f} MB, over 1 MB")
    for i, c in enumerate(json.loads(nb_path.read_text())['cells']):
        if c['cell_type'] != 'code': continue
        src, outs = ''.join(c['source']), c.get('outputs', [])
        directives = [l for l in src.splitlines() if l.startswith('#|')]
        if any(re.match(r'#\|\s*(cuda|slow|eval:\s*false|export|hide)', l) for l in directives): continue   # definitions draw nothing
        if DRAWS.search(src) and not any({'image/png', 'image/jpeg'} & set(o.get('data', {})) for o in outs):
            problems.append(f"{name}, code cell {i}: draws a figure, but no figure is committed")
        for o in outs:
            if o.get('output_type') == 'stream' and o.get('name') == 'stderr': problems.append(f"{name}, code cell {i}: stderr output kept")
            if '<progress' in ''.join(o.get('data', {}).get('text/html', '')): problems.append(f"{name}, code cell {i}: a progress bar kept")
for p in problems: print(p)
print(f"notebook outputs: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)

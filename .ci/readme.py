"""Write README.md from nbs/index.ipynb (what nbdev-readme does, without needing Quarto).

Markdown cells are copied as they are; code cells become ```python blocks, without their `#|` directive lines, followed
by what they printed (a markdown table as it is, other text as a ```text block); cells marked `#| hide` are left out,
as nbdev leaves them out. Image links relative to nbs/ are made relative to the root.
`python .ci/readme.py` rewrites README.md; `python .ci/readme.py --check` fails when README.md is out of step."""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def render(nb_path=root/'nbs'/'index.ipynb'):
    parts = []
    for c in json.loads(nb_path.read_text())['cells']:
        src = ''.join(c['source']).strip('\n')
        if c['cell_type'] == 'markdown': parts.append(re.sub(r'\]\((?!https?:|#|/)', '](nbs/', src))
        elif c['cell_type'] == 'code':
            lines = src.splitlines()
            if any(re.match(r'#\|\s*hide\b', l) for l in lines): continue
            code = '\n'.join(l for l in lines if not l.startswith('#|')).strip('\n')
            if code: parts.append(f"```python\n{code}\n```")
            printed = ''.join(''.join(o['text']) for o in c.get('outputs', []) if o.get('output_type') == 'stream' and o.get('name') == 'stdout').strip('\n')
            if printed: parts.append(printed if printed.startswith('| ') else f"```text\n{printed}\n```")
    return '<!-- Written by .ci/readme.py from nbs/index.ipynb: edit the notebook, then run `python .ci/readme.py` -->\n\n' + '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text, readme = render(), root/'README.md'
    if '--check' in sys.argv:
        if readme.read_text() != text: sys.exit("README.md is out of step with nbs/index.ipynb: run `python .ci/readme.py`")
    else: readme.write_text(text)

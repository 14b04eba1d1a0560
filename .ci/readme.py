"""Write README.md from nbs/index.ipynb (what nbdev-readme does, without needing Quarto).

Markdown cells are copied as they are; consecutive code cells (an import cell and the cell that uses it) become one
```python block, without their `#|` directive lines, so that each block runs as it is in a fresh Python session; what
they printed or showed as Markdown follows (a markdown table as it is, other text as a ```text block). Cells marked `#| hide` are left out,
as nbdev leaves them out. Image links relative to nbs/ are made relative to the root.
`python .ci/readme.py` rewrites README.md; `python .ci/readme.py --check` fails when README.md is out of step."""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def render(nb_path=root/'nbs'/'index.ipynb'):
    parts, code, printed = [], [], []
    def flush():
        "Consecutive code cells make one block (an import cell and the cell that uses it), then what they printed."
        if code: parts.append("```python\n" + '\n\n'.join(code) + "\n```")
        lines = '\n'.join(printed).splitlines()
        table = next((i for i, l in enumerate(lines) if l.startswith('| ')), len(lines))   # a markdown table, and what follows it
        if lines[:table]: parts.append("```text\n" + '\n'.join(lines[:table]) + "\n```")
        if lines[table:]: parts.append('\n'.join(lines[table:]))
        code.clear(); printed.clear()
    for c in json.loads(nb_path.read_text())['cells']:
        src = ''.join(c['source']).strip('\n')
        if c['cell_type'] == 'markdown': flush(); parts.append(re.sub(r'\]\((?!https?:|#|/)', '](nbs/', src))
        elif c['cell_type'] == 'code':
            lines = src.splitlines()
            if any(re.match(r'#\|\s*hide\b', l) for l in lines): continue
            body = '\n'.join(l for l in lines if not l.startswith('#|')).strip('\n')
            if body: code.append(body)
            for o in c.get('outputs', []):   # printed text, and Markdown shown with `display(Markdown(...))`, in order
                if o.get('output_type') == 'stream' and o.get('name') == 'stdout': out = ''.join(o['text'])
                else: out = ''.join(o.get('data', {}).get('text/markdown', ''))
                if out.strip('\n'): printed.append(out.strip('\n'))
    flush()
    return '<!-- Written by .ci/readme.py from nbs/index.ipynb: edit the notebook, then run `python .ci/readme.py` -->\n\n' + '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text, readme = render(), root/'README.md'
    if '--check' in sys.argv:
        if readme.read_text() != text: sys.exit("README.md is out of step with nbs/index.ipynb: run `python .ci/readme.py`")
    else: readme.write_text(text)

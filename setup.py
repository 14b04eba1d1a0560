"Package metadata from settings.ini (the classic nbdev template); name and build system in pyproject.toml."
from configparser import ConfigParser
from pathlib import Path
from setuptools import setup, find_packages

here = Path(__file__).parent
cfg = ConfigParser(delimiters=['='])
cfg.read(here/'settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
lib = 'imagewang_ssl'
reqs = cfg['requirements'].split()
dev_reqs = cfg['dev_requirements'].split()
scripts = [s.strip() for s in cfg['console_scripts'].splitlines() if s.strip()]

setup(
    version=cfg['version'],
    description=cfg['description'],
    keywords=cfg['keywords'].split(),
    author=cfg['author'], author_email=cfg['author_email'],
    license='Apache-2.0',
    classifiers=['Programming Language :: Python :: 3', 'Development Status :: 3 - Alpha'],
    url=cfg['git_url'],
    project_urls={'Repository': cfg['git_url'], 'Documentation': cfg['doc_url']},
    packages=find_packages(include=[lib, f'{lib}.*']),
    include_package_data=True,
    install_requires=reqs,
    extras_require={'dev': dev_reqs},
    long_description=(here/'README.md').read_text(encoding='utf-8'),
    long_description_content_type='text/markdown',
    entry_points={'console_scripts': scripts, 'nbdev': [f'{lib}={lib}._modidx:d']},
    zip_safe=False,
)

"Package metadata from settings.ini (the classic nbdev template); name, description and URLs in pyproject.toml."
from configparser import ConfigParser
from pathlib import Path
from setuptools import setup, find_packages

here = Path(__file__).parent
cfg = ConfigParser(delimiters=['='])
cfg.read(here/'settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
lib = 'imagewang_ssl'
LICENSES = {'apache2': 'Apache-2.0'}
STATUSES = {'1': 'Development Status :: 1 - Planning', '2': 'Development Status :: 2 - Pre-Alpha',
            '3': 'Development Status :: 3 - Alpha', '4': 'Development Status :: 4 - Beta',
            '5': 'Development Status :: 5 - Production/Stable'}
reqs = cfg['requirements'].split()
dev_reqs = cfg['dev_requirements'].split()
track_reqs = cfg['track_requirements'].split()
scripts = [s.strip() for s in cfg['console_scripts'].splitlines() if s.strip()]

setup(
    version=cfg['version'],
    keywords=cfg['keywords'].split(),
    author=cfg['author'], author_email=cfg['author_email'],
    license=LICENSES[cfg['license']],
    classifiers=['Programming Language :: Python :: 3', STATUSES[cfg['status']]],
    packages=find_packages(include=[lib, f'{lib}.*']),
    include_package_data=True,
    install_requires=reqs,
    extras_require={'dev': dev_reqs + track_reqs, 'track': track_reqs},
    long_description=(here/'README.md').read_text(encoding='utf-8'),
    long_description_content_type='text/markdown',
    entry_points={'console_scripts': scripts, 'nbdev': [f'{lib}={lib}._modidx:d']},
    zip_safe=False,
)

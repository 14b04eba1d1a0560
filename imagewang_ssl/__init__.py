"Self-supervised pretext tasks for the Imagewang leaderboard, with fastai. `from imagewang_ssl.all import *` imports the library."
from importlib.metadata import version as _version, PackageNotFoundError as _NotInstalled

try: __version__ = _version('imagewang_ssl')   # settings.ini's version, as installed
except _NotInstalled: __version__ = 'unknown'   # a source tree that is not installed

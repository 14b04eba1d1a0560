"The whole library in one import, as `fastai.vision.all`: `from imagewang_ssl.all import *` (each module's public names)."
from .core import *
from .data import *
from .transforms import *
from .probe import *
from .learner import *
from .encoder import *
from .pretext import *
from .rotation import *
from .swav import *
from .families import *
from .downstream import *
from .evaluate import *
from .results import *
from .share import *
from .leaderboard import *
from .bench import *

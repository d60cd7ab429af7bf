"""The learning tools: the FCP roadmap pathway (data/roadmap.yaml) and the roadmap
supervisor checker (data/supervisors.yaml)."""

from ..core.concerns import Concern
from .macros import register
from .roadmap import DATA_FILE as ROADMAP_FILE
from .roadmap import load_roadmap
from .supervisors import DATA_FILE as SUPERVISORS_FILE
from .supervisors import load_supervisors

CONCERN = Concern(
    name="learning",
    data_files={ROADMAP_FILE: load_roadmap, SUPERVISORS_FILE: load_supervisors},
    register=register,
)

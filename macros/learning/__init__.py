"""The learning tools: the FCP roadmap pathway (data/roadmap.yaml) and the roadmap
supervisor checker (data/supervisors.yaml)."""

from ..core.concerns import Concern
from .macros import register_roadmap, register_supervisors
from .roadmap import DATA_FILE as ROADMAP_FILE
from .roadmap import load_roadmap
from .supervisors import DATA_FILE as SUPERVISORS_FILE
from .supervisors import load_supervisors

ROADMAP = Concern(name="roadmap", data_files={ROADMAP_FILE: load_roadmap}, register=register_roadmap)
SUPERVISORS = Concern(
    name="supervisors", data_files={SUPERVISORS_FILE: load_supervisors}, register=register_supervisors
)

"""The job description: data/job_description.yaml becomes the page with its form, and the
Word and PDF downloads (also made for one practice by `make job-description`)."""

from ..core.concerns import Concern
from .documents import job_description_files
from .macros import register
from .models import DATA_FILE, load_job_description

CONCERN = Concern(
    name="jobdesc",
    data_files={DATA_FILE: load_job_description},
    generates=(job_description_files,),
    register=register,
)

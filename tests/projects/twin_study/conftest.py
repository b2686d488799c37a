"""The study package (projects/twin_study) is not installed: its tests
import it from the checkout."""
import os.path as osp
import sys

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))
sys.path.insert(0, osp.join(ROOT, 'projects', 'twin_study'))

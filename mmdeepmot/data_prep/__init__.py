"""Data preparation: the MOTChallenge -> CocoVID converter and the drawn
MOT17 (frames drawn from MOT17's labels). Used by the tools; nothing here
is registered."""
from .cocovid import mot_to_cocovid
from .render_mot import RenderConfig, render_mot

__all__ = ['mot_to_cocovid', 'RenderConfig', 'render_mot']

from .recovering_tracktor_tracker import RecoveringTracktorTracker
from .siamrpn_mot_tracker import SiamRPNMOTTracker, template_embedding
from .track_state import TrackState

__all__ = [
    'RecoveringTracktorTracker', 'SiamRPNMOTTracker', 'TrackState',
    'template_embedding'
]

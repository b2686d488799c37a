from .siamrpn_mot_tracker import SiamRPNMOTTracker, template_embedding
from .track_state import TrackState

__all__ = ['SiamRPNMOTTracker', 'TrackState', 'template_embedding']

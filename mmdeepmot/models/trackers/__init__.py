from .recovering_tracktor_tracker import RecoveringTracktorTracker
from .siamrpn_mot_tracker import SiamRPNMOTTracker, template_embedding

__all__ = [
    'RecoveringTracktorTracker', 'SiamRPNMOTTracker',
    'template_embedding'
]

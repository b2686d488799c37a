"""Where the tests find a twin's config: ``configs/deepmot_<tracker>/
<role>_<tracker>_<model>_<schedule>_<data>.py``, by ground."""
import os.path as osp

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
# (ground, tracker) -> what follows ``<role>_<tracker>_`` in the twins' names
TWINS = {
    ('mot17', 'tracktor'): 'r50-fpn_8xb2-clip3-2e_mot17halftrain',
    ('mot17', 'siamrpn'): 'r50_8xb2-clip3-2e_mot17halftrain',
    ('mot17_mbv2', 'tracktor'): 'mbv2-fpn_8xb2-clip3-2e_mot17halftrain',
    ('mot17_mbv2', 'siamrpn'): 'mbv2_8xb2-clip3-2e_mot17halftrain',
    ('mot17drawn', 'tracktor'): 'r18-c16-fpn_1xb2-clip3-1200it_mot17drawn',
    ('mot17drawn', 'siamrpn'): 'r18-c16_1xb2-clip3-300it_mot17drawn',
    ('pets09', 'tracktor'): 'r18-c16-fpn_1xb2-clip3-600it_pets09',
    ('pets09', 'siamrpn'): 'r18-c16_1xb2-clip3-300it_pets09',
    ('pets09_mbv2', 'tracktor'): 'mbv2-fpn_1xb2-clip3-600it_pets09',
    ('pets09_mbv2', 'siamrpn'): 'mbv2_1xb2-clip3-300it_pets09',
    ('pets09_mbv2_clip8', 'tracktor'): 'mbv2-fpn_1xb1-clip8-600it_pets09',
    ('pets09_mbv2_clip8', 'siamrpn'): 'mbv2_1xb1-clip8-300it_pets09',
}


def twin(role: str, tracker: str, ground: str) -> str:
    """The path of ``role``'s config (``vanilla``, ``deepmot``,
    ``deepmot-<ablation>``) of ``tracker`` on ``ground``."""
    return osp.join(ROOT, 'configs', f'deepmot_{tracker}',
                    f'{role}_{tracker}_{TWINS[ground, tracker]}.py')


def config(name: str) -> str:
    """The path of the config file ``name`` in its algorithm's folder."""
    tracker = name.split('_')[1]
    folder = f'deepmot_{tracker}' if tracker in ('tracktor', 'siamrpn') \
        else tracker
    return osp.join(ROOT, 'configs', folder, name)


def runner_dict(path: str) -> dict:
    """The config at ``path`` as a dict of the keys a runner reads: the
    helper variables of the files (``max_iters``, ``deepmot_loss`` ...)
    depend on which pieces a config stands on, not on what it runs."""
    import inspect

    from mmengine.config import Config
    from mmengine.runner import Runner
    keys = set(inspect.signature(Runner.__init__).parameters) | {
        'custom_imports'
    }
    return {
        k: v
        for k, v in Config.fromfile(path).to_dict().items() if k in keys
    }

"""A user's config with custom_imports finds our components by name."""
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent('''
    import sys
    from mmengine.config import Config
    from mmengine.registry import init_default_scope
    from mmtrack.registry import MODELS
    assert 'mmdeepmot' not in sys.modules
    cfg = Config.fromfile(sys.argv[1])
    assert 'mmdeepmot' in sys.modules
    init_default_scope(cfg.default_scope)
    model = MODELS.build(cfg.model)
    print(type(model).__module__, model.hidden_size)
''')

CONFIG = textwrap.dedent('''
    custom_imports = dict(imports=['mmdeepmot'], allow_failed_imports=False)
    default_scope = 'mmtrack'
    model = dict(type='DeepHungarianNet', hidden_size=8, num_layers=1)
''')


def test_custom_imports_builds_our_component(tmp_path):
    cfg = tmp_path / 'user_cfg.py'
    cfg.write_text(CONFIG)
    proc = subprocess.run([sys.executable, '-c', SCRIPT, str(cfg)],
                          capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    # the core class itself, which importing mmdeepmot registered
    assert proc.stdout.split() == ['deepmot.dhn.network', '8']

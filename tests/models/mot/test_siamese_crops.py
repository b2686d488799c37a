"""The local crop equals mmtrack's full-frame-padding crop exactly."""
import torch
from mmtrack.models.sot import SiamRPN

from mmdeepmot.models.mot.siamese_crops import crop_and_resize


def test_equals_mmtrack_inside_across_and_beyond_the_border():
    gen = torch.Generator().manual_seed(0)
    img = torch.rand(1, 3, 40, 64, generator=gen) * 255
    avg = img.mean(dim=(0, 2, 3))
    cases = [((32., 20.), 10.), ((2., 3.), 12.), ((63., 39.), 15.),
             ((-5., 20.), 8.), ((70., 45.), 9.), ((32., 20.), 90.),
             ((0.4, 39.6), 7.3), ((-30., -30.), 10.), ((64., 20.), 4.)]
    for _ in range(40):
        center = torch.rand(2, generator=gen) * torch.tensor([90., 70.]) - 12
        cases.append((tuple(center.tolist()),
                      float(torch.rand(1, generator=gen) * 50 + 2)))
    for (cx, cy), size in cases:
        center, size_t = torch.tensor([cx, cy]), torch.tensor(size)
        for target in (9, 16):
            ours = crop_and_resize(img, center, target, size_t, avg)
            theirs = SiamRPN.get_cropped_img(None, img, center, target,
                                             size_t, avg)
            assert ours.shape == theirs.shape == (1, 3, target, target)
            assert torch.equal(ours, theirs), (cx, cy, size)

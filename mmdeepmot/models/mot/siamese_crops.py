"""SiamRPN's search-region crop without copying the whole frame: the same
pixels as mmtrack's ``SiamRPN.get_cropped_img``, which pads a copy of the
full image whenever a region crosses its border (most of a multi-object
step's non-convolution time on CPU, one frame copy per track)."""
import torch
from torch import Tensor


def crop_and_resize(img: Tensor, center_xy: Tensor, target_size: int,
                    crop_size: Tensor, avg_channel: Tensor) -> Tensor:
    """``get_cropped_img(img, center_xy, target_size, crop_size,
    avg_channel)``, equal pixel for pixel, touching only the region.

    Args:
        img: [1, C, H, W].
        center_xy: (2, ) centre of the region.
        target_size: side of the output.
        crop_size: side of the region in image pixels.
        avg_channel: (C, ) value of pixels outside the image.

    Returns:
        [1, C, target_size, target_size].
    """
    n, c, h, w = img.shape
    xmin = int(center_xy[0] - crop_size / 2)
    xmax = int(center_xy[0] + crop_size / 2)
    ymin = int(center_xy[1] - crop_size / 2)
    ymax = int(center_xy[1] + crop_size / 2)
    # mmtrack pads the frame by these, then slices [min, max + 1) of the
    # padded frame (which clips the slice at its far edge)
    left, top = max(0, -xmin), max(0, -ymin)
    right, bottom = max(0, xmax - w), max(0, ymax - h)
    x0, y0 = xmin + left, ymin + top
    x1 = min(xmax + left + 1, w + left + right)
    y1 = min(ymax + top + 1, h + top + bottom)
    # the image lies at [left, left + w) x [top, top + h) of the padded frame
    ix0, ix1 = max(x0, left), min(x1, left + w)
    iy0, iy1 = max(y0, top), min(y1, top + h)
    if (x0, y0, x1, y1) == (ix0, iy0, ix1, iy1):
        crop = img[..., iy0 - top:iy1 - top, ix0 - left:ix1 - left]
    else:
        crop = avg_channel.to(img.dtype).view(1, c, 1, 1).expand(
            n, c, y1 - y0, x1 - x0).clone()
        if ix1 > ix0 and iy1 > iy0:
            crop[..., iy0 - y0:iy1 - y0, ix0 - x0:ix1 - x0] = \
                img[..., iy0 - top:iy1 - top, ix0 - left:ix1 - left]
    return torch.nn.functional.interpolate(
        crop, size=(target_size, target_size), mode='bilinear',
        align_corners=False)

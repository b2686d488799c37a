# Stage 0 of the PETS09-S2L1 SiamRPN twins: the CPU-size SiamRPN of the drawn
# MOT17 trained on half-train-fit of the real sequence (frames 1-299) with
# SiamRPN's own loss on (template, search region) pairs of the tracks, nothing
# frozen, starting from the drawn-MOT17 stage-0 weights (chosen on
# half-train-select; docs/real_pixels.md). Both twins start from its last
# checkpoint, shipped as checkpoints/siamrpn_sot_pets09.pth
# (tools/publish_model.py).
_base_ = ['../_base_/siamrpn_pets09.py']

load_from = 'checkpoints/siamrpn_sot_mot17drawn.pth'

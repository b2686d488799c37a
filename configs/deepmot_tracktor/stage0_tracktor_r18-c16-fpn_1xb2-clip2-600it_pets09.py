# Stage 0 of the PETS09-S2L1 Tracktor twins: the CPU-size detector of the drawn
# MOT17 trained on half-train-fit of the real sequence (frames 1-299;
# half-train-select stays unseen for choosing) with the detector's losses only,
# nothing frozen, starting from the drawn-MOT17 stage-0 weights (better than
# scratch on half-train-select; docs/real_pixels.md). Both twins start from its
# last checkpoint, shipped as checkpoints/tracktor_detector_pets09.pth
# (tools/publish_model.py).
_base_ = ['../_base_/tracktor_pets09.py']

load_from = 'checkpoints/tracktor_detector_mot17drawn.pth'

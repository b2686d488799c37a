# Stage 0 of the PETS09 twins: the drawn-MOT17 detector trained on
# half-train-fit (better than scratch), shipped in checkpoints/.
_base_ = ['../_base_/tracktor_pets09.py']

load_from = 'checkpoints/tracktor_detector_mot17drawn.pth'

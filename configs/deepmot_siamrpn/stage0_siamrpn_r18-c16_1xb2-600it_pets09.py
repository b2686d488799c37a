# Stage 0 of the PETS09 twins: the drawn-MOT17 SiamRPN trained on
# half-train-fit (better on half-train-select), shipped in checkpoints/.
_base_ = ['../_base_/siamrpn_pets09.py']

load_from = 'checkpoints/siamrpn_sot_mot17drawn.pth'

from .multi_siamese_rpn_head import MultiSiameseRPNHead

__all__ = ['MultiSiameseRPNHead']

from .backbone_embedder import BackboneEmbedder, PooledEmbeddingHead

__all__ = ['BackboneEmbedder', 'PooledEmbeddingHead']

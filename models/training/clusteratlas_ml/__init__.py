"""ClusterAtlas ML: GIN on GFN2-xTB cluster graphs predicting log10 k1 for N2 (Mou et al. 2025 data)."""

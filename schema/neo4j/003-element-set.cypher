// Exclusive composition search ("Mo2-5S*": only Mo and S) seeks this index with the few element
// sets the pattern allows (Mo, Mo-S) instead of scanning every cluster.
CREATE INDEX cluster_element_set IF NOT EXISTS FOR (c:Cluster) ON (c.elementSet);

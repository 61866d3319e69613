// Constraints and indexes for the measured-rate catalog. Applied in order at every start;
// every statement is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT element_symbol IF NOT EXISTS FOR (e:Element) REQUIRE e.symbol IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT reactant_formula IF NOT EXISTS FOR (r:Reactant) REQUIRE r.formula IS UNIQUE;
CREATE CONSTRAINT measurement_id IF NOT EXISTS FOR (m:Measurement) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE;
CREATE INDEX cluster_formula_charge IF NOT EXISTS FOR (c:Cluster) ON (c.formula, c.charge);
CREATE INDEX cluster_log10k1 IF NOT EXISTS FOR (c:Cluster) ON (c.log10K1);
CREATE INDEX cluster_atom_count IF NOT EXISTS FOR (c:Cluster) ON (c.atomCount);
CREATE INDEX cluster_charge IF NOT EXISTS FOR (c:Cluster) ON (c.charge);
CREATE INDEX contains_count IF NOT EXISTS FOR ()-[r:CONTAINS]-() ON (r.count);

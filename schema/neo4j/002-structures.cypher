// Structures as atom–bond graphs. Atoms also carry their element as a label (:Atom:Mo),
// so motif patterns start from label scans.
CREATE CONSTRAINT structure_id IF NOT EXISTS FOR (s:Structure) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT atom_id IF NOT EXISTS FOR (a:Atom) REQUIRE a.id IS UNIQUE;
CREATE INDEX structure_rank IF NOT EXISTS FOR (s:Structure) ON (s.rank);
CREATE INDEX atom_is_metal IF NOT EXISTS FOR (a:Atom) ON (a.isMetal);
CREATE INDEX bond_order IF NOT EXISTS FOR ()-[b:BOND]-() ON (b.order);

// Releases (issue 11). A cluster whose catalog record changes in a release gets a new version
// node with the same id: (id, fromRelease) is unique, id alone is not. Version nodes carry
// fromRelease and toRelease (null while current); see server/src/db/release-scope.ts.
DROP CONSTRAINT cluster_id IF EXISTS;
CREATE CONSTRAINT cluster_version IF NOT EXISTS FOR (c:Cluster) REQUIRE (c.id, c.fromRelease) IS UNIQUE;
CREATE INDEX cluster_id IF NOT EXISTS FOR (c:Cluster) ON (c.id);
CREATE INDEX cluster_to_release IF NOT EXISTS FOR (c:Cluster) ON (c.toRelease);
CREATE CONSTRAINT release_number IF NOT EXISTS FOR (r:Release) REQUIRE r.number IS UNIQUE;
// Staged contributions and their audit trail never carry catalog labels.
CREATE CONSTRAINT submission_id IF NOT EXISTS FOR (s:Submission) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT submission_idempotency IF NOT EXISTS FOR (s:Submission) REQUIRE s.idempotencyScope IS UNIQUE;
CREATE INDEX submission_status IF NOT EXISTS FOR (s:Submission) ON (s.status);
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT release_idempotency IF NOT EXISTS FOR (r:Release) REQUIRE r.idempotencyKey IS UNIQUE;
CREATE INDEX structure_cluster_id IF NOT EXISTS FOR (s:Structure) ON (s.clusterId);

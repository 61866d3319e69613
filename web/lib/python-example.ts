/** docs/python/example.py, shown on /python (a test keeps the two identical; the site reads no repo files at run time). */
export const PYTHON_EXAMPLE = String.raw`"""ClusterAtlas from Python: query, page through all results, load a DataFrame, download a release.

Run:  python3 example.py --api http://localhost:4000
Needs requests and pandas (Debian: python3-requests python3-pandas).
"""
import argparse
import io
import json

import pandas as pd
import requests

QUERY = """
query Clusters($filter: ClusterFilter, $after: String) {
  clusters(filter: $filter, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id formula charge size metalFamily log10K1 efficiency } }
  }
}
"""


def graphql(api, query, variables):
    """One GraphQL request; errors carry a stable extensions.code."""
    response = requests.post(f"{api}/graphql", json={"query": query, "variables": variables}, timeout=60)
    body = response.json()
    if body.get("errors"):
        first = body["errors"][0]
        raise RuntimeError(f"{first.get('extensions', {}).get('code')}: {first['message']}")
    return body


def all_clusters(api, cluster_filter=None):
    """Every cluster matching the filter, following the cursor page by page (100 per page)."""
    rows, after, pages = [], None, 0
    while True:
        body = graphql(api, QUERY, {"filter": cluster_filter, "after": after})
        page = body["data"]["clusters"]
        rows += [edge["node"] for edge in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            return rows, page["totalCount"], pages, body["extensions"]["datasetVersion"]
        after = page["pageInfo"]["endCursor"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", default="http://localhost:4000", help="API origin (GraphQL is at /graphql)")
    api = parser.parse_args().api.rstrip("/")

    # 1. Query and page through all results; load them into a DataFrame.
    rows, total, pages, version = all_clusters(api)
    clusters = pd.DataFrame(rows).set_index("id")
    print(f"{len(clusters)} of {total} clusters in {pages} pages, dataset version {version}")
    print(clusters.groupby("metalFamily")["log10K1"].agg(["count", "mean"]).round(2).head())

    # 2. A filtered search: the Mo-S anions (the charge can be written in the formula pattern).
    mo_s, mo_s_total, _, _ = all_clusters(api, {"formula": "Mo?S*-"})

    # 3. Download a release: the whole catalog as CSV, tagged with its dataset version.
    release = requests.get(f"{api}/download/clusters.csv", timeout=60)
    release.raise_for_status()
    catalog = pd.read_csv(io.StringIO(release.text))

    # 4. Export one result set with held-out predictions (the filter is the GraphQL ClusterFilter as JSON).
    export = requests.get(f"{api}/download/export.csv", params={"filter": json.dumps({"formula": "Mo?S*-"})}, timeout=60)
    export.raise_for_status()
    exported = pd.read_csv(io.StringIO(export.text))
    held_out = [c for c in exported.columns if c.startswith("heldout_") and c.endswith("_log10_k1")]

    print(json.dumps({
        "rows": len(clusters),
        "total": total,
        "pages": pages,
        "datasetVersion": version,
        "moSAnions": len(mo_s),
        "moSAnionsTotal": mo_s_total,
        "releaseVersion": release.headers.get("X-Dataset-Version"),
        "releaseClusters": int(catalog["id"].nunique()),
        "exportRows": len(exported),
        "heldOutColumns": held_out,
    }))


if __name__ == "__main__":
    main()
`;

/** docs/python/gql_example.py, shown on /python beside the script above (kept identical by the same test). */
export const PYTHON_GQL_EXAMPLE = String.raw`"""ClusterAtlas with a GraphQL client: gql discovers the schema from the URL and checks queries against it.

Install:  pip install "gql[requests]"
Run:      python3 gql_example.py --api http://localhost:4000
"""
import argparse
import json

from gql import Client, gql
from gql.transport.requests import RequestsHTTPTransport

parser = argparse.ArgumentParser()
parser.add_argument("--api", default="http://localhost:4000")
api = parser.parse_args().api

transport = RequestsHTTPTransport(url=f"{api}/graphql", timeout=60)
with Client(transport=transport, fetch_schema_from_transport=True) as session:
    result = session.execute(gql('{ cluster(id: "Mo5S2-anion") { formula charge log10K1 } }'))
    # The schema came from the server by the standard introspection query.
    schema = session.client.schema
    try:
        # Checked against that schema before anything is sent: a misspelt field never reaches the server.
        session.execute(gql("{ cluster(id: \"Mo5S2-anion\") { formulaa } }"))
        refused_locally = False
    except Exception as error:  # gql raises GraphQLError from graphql-core's validation
        refused_locally = "formulaa" in str(error)

print(json.dumps({"cluster": result["cluster"], "schemaHasCluster": "Cluster" in schema.type_map, "refusedLocally": refused_locally}))
`;

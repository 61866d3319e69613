"""ClusterAtlas with a GraphQL client: gql discovers the schema from the URL and checks queries against it.

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

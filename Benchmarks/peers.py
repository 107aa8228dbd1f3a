"""Peers measured in the same run as Kith's benchmarks (see Benchmarks/run.sh).

  python3 Benchmarks/peers.py kuzu DATA_DIR     Kuzu 0.11.3: COPY FROM of the same vertices and edges
  python3 Benchmarks/peers.py igraph DATA_DIR   igraph: connected_components() call alone

Each prints one line: `<peer> <what> <seconds>`.
"""
import csv, os, shutil, sys, tempfile, time


def kuzu_copy(data):
    import kuzu
    path = tempfile.mkdtemp(prefix="kuzu-bench-")
    try:
        db = kuzu.Database(os.path.join(path, "db"))
        conn = kuzu.Connection(db)
        conn.execute("CREATE NODE TABLE node(id STRING, label STRING, PRIMARY KEY(id))")
        conn.execute("CREATE REL TABLE link(FROM node TO node, weight DOUBLE)")
        start = time.perf_counter()
        conn.execute(f"COPY node FROM '{data}/vertices.csv' (header=true)")
        conn.execute(f"COPY link FROM '{data}/kuzu_edges.csv' (header=false)")
        print(f"kuzu copy-from {time.perf_counter() - start:.2f}")
    finally:
        shutil.rmtree(path, ignore_errors=True)


def igraph_components(data):
    import igraph
    import numpy as np
    ids, edges = {}, []
    with open(f"{data}/kuzu_edges.csv") as f:
        for row in csv.reader(f):
            a = ids.setdefault(row[0], len(ids))
            b = ids.setdefault(row[1], len(ids))
            edges.append((a, b))
    with open(f"{data}/vertices.csv") as f:
        next(f)
        for line in f:
            ids.setdefault(line.split(",", 1)[0], len(ids))
    g = igraph.Graph(n=len(ids), edges=np.array(edges))
    start = time.perf_counter()
    cc = g.connected_components()
    elapsed = time.perf_counter() - start
    print(f"igraph connected_components {elapsed:.3f} ({len(cc)} components, largest {max(cc.sizes())})")


if __name__ == "__main__":
    {"kuzu": kuzu_copy, "igraph": igraph_components}[sys.argv[1]](sys.argv[2])

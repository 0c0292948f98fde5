/** Placeholders shaped like the page that is loading (no spinners). */
export function PageSkeleton() {
  return (
    <div className="stack" role="status" aria-busy="true" aria-label="Loading">
      <div className="skeleton" style={{ height: 28, width: 240 }} />
      <div className="skeleton" style={{ height: 120 }} />
      <div className="skeleton" style={{ height: 200 }} />
    </div>
  );
}

export function BoardSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the board">
      <div className="skeleton" style={{ height: 34, width: 520, maxWidth: "100%", marginBottom: 12 }} />
      <div className="board">
        {[5, 3, 4, 2].map((n, i) => (
          <div key={i} className="column" style={{ padding: 8, gap: 6, display: "flex", flexDirection: "column" }}>
            <div className="skeleton" style={{ height: 20, width: 120 }} />
            {Array.from({ length: n }, (_, j) => (
              <div key={j} className="skeleton" style={{ height: 64 }} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

export function ListSkeleton() {
  return (
    <div className="stack" role="status" aria-busy="true" aria-label="Loading the list">
      <div className="skeleton" style={{ height: 34, width: 520, maxWidth: "100%" }} />
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 36 }} />
      ))}
    </div>
  );
}

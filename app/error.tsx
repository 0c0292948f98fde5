"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="auth-page">
      <div className="stack" style={{ textAlign: "center", alignItems: "center" }}>
        <h1>Something went wrong</h1>
        <p className="muted">The page could not be shown.{error.digest ? ` Reference: ${error.digest}` : ""}</p>
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}

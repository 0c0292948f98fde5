import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="auth-page">
      <div className="stack" style={{ textAlign: "center", alignItems: "center" }}>
        <h1>Not found</h1>
        <p className="muted">This page does not exist, or you do not have access to it.</p>
        <Link className="btn" href="/">
          Go home
        </Link>
      </div>
    </main>
  );
}

import Link from "next/link";

export function Brand({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="brand" aria-label="Tasklane home">
      <span className="brand-mark" aria-hidden="true" />
      Tasklane
    </Link>
  );
}

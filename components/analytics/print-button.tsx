"use client";

export function PrintButton({ className }: { className?: string }) {
  return (
    <button type="button" className={`btn btn-primary ${className ?? ""}`} onClick={() => window.print()}>
      Print
    </button>
  );
}

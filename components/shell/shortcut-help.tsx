"use client";
import { Dialog } from "@/components/ui/dialog";

const SHORTCUTS: [string, string][] = [
  ["Ctrl/⌘ K", "Command palette"],
  ["C", "New task"],
  ["/", "Search or filter"],
  ["J / K", "Next / previous task"],
  ["Enter", "Open the selected task"],
  ["E", "Edit the selected task"],
  ["Space, arrows", "Pick up and move a card on the board"],
  ["Esc", "Close"],
  ["?", "This help"],
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="table">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <span className="kbd">{keys}</span>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

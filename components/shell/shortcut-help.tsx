"use client";
import { Dialog } from "@/components/ui/dialog";

const SHORTCUTS: [string, string][] = [
  ["Ctrl/⌘ K", "Command palette"],
  ["C", "New task"],
  ["/", "Search or filter"],
  ["J / K", "Next / previous task"],
  ["Enter", "Open the selected task"],
  ["S", "Status of the focused card, selected row or open task"],
  ["A", "Assignees (type a name, Enter)"],
  ["I", "Assign to me"],
  ["L", "Labels (type a new name to create one)"],
  ["P", "Priority"],
  ["D", "Due date (type YYYY-MM-DD for any day)"],
  ["E", "Estimate"],
  ["Delete / Backspace", "Delete (asks first; Undo for 10 s)"],
  ["Right-click, …", "All actions of a card or row"],
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

import { BoardSkeleton } from "@/components/ui/skeletons";

export default function Loading() {
  return <BoardSkeleton />;
}

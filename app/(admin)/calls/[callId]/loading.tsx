import { DetailSkeleton } from "@/components/layout/detail-skeleton";

export default function Loading() {
  return <DetailSkeleton label="Loading call…" backLinkClassName="h-8 w-28" cardLines={[4, 5]} />;
}

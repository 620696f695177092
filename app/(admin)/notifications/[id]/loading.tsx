import { DetailSkeleton } from "@/components/layout/detail-skeleton";

export default function Loading() {
  return <DetailSkeleton label="Loading text details…" backLinkClassName="h-8 w-36" cardLines={[3, 6]} />;
}
